"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryKeys } from "../api/keys";
import { fetchSeries, type Series } from "./buckets";
import { preset, resolveRange, type TimeRange } from "./time-range";

export type HistorySeries = Series & { from: number; to: number };

/**
 * A metric over a range that doesn't stream: a preset ending now is loaded again every minute
 * (its buckets are too wide for single live points); a custom span is fixed and loaded once.
 */
export function useHistorySeries(deviceKey: string, metric: string, range: TimeRange, enabled = true) {
  const rangeKey = range.kind === "preset" ? range.id : `${range.from}-${range.to}`;
  return useQuery<HistorySeries>({
    queryKey: queryKeys.history(deviceKey, metric, rangeKey),
    queryFn: async ({ signal }) => {
      const { from, to } = resolveRange(range, Date.now());
      return { from, to, ...(await fetchSeries(deviceKey, metric, from, to, signal)) };
    },
    staleTime: range.kind === "preset" ? 30_000 : Infinity,
    refetchInterval: range.kind === "preset" ? Math.max(60_000, preset(range.id).ms / 600) : false,
    placeholderData: keepPreviousData,
    enabled,
  });
}
