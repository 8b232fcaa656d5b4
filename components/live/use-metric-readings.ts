"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/keys";
import { fetchWindow, type Point } from "./readings-cache";

/**
 * A metric's chart points over the live window. Loaded once, then kept current by the live
 * stream (useLiveReadings), which also asks for a reload after a reconnect.
 */
export function useMetricReadings(deviceKey: string, metric: string) {
  const qc = useQueryClient();
  return useQuery<Point[]>({
    queryKey: queryKeys.readings(deviceKey, metric),
    queryFn: ({ signal }) => fetchWindow(qc, deviceKey, metric, signal),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
