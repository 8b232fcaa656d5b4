"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/keys";
import type { Series } from "../charts/buckets";
import { fetchLiveWindow } from "./live-window";

/**
 * A metric's chart points over a live window ending now. Loaded once, then kept current by the
 * live stream (useLiveReadings), which also asks for a reload after a reconnect.
 */
export function useLiveSeries(deviceKey: string, metric: string, windowMs: number, enabled = true) {
  const qc = useQueryClient();
  return useQuery<Series>({
    queryKey: queryKeys.liveReadings(deviceKey, metric, windowMs),
    queryFn: ({ signal }) => fetchLiveWindow(qc, deviceKey, metric, windowMs, signal),
    staleTime: Infinity,
    gcTime: 60_000,
    enabled,
  });
}
