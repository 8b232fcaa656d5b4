import type { QueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { ReadingsResponse } from "../api/types";

/** How far back the live charts look. */
export const WINDOW_MS = 15 * 60_000;
/** Buckets asked for when a chart loads its window (15 min / 300 = one per 3 s). */
export const WINDOW_POINTS = 300;

/** One chart point: a server bucket, or a single live reading (min = max = avg). */
export interface Point {
  t: number;
  avg: number;
  min: number;
  max: number;
}

/** Adds a point in time order (late data lands in place), replacing one at the same instant, and drops what fell out of the window. */
export function insertPoint(points: Point[] | undefined, point: Point, windowStart: number): Point[] {
  const kept = (points ?? []).filter((p) => p.t >= windowStart && p.t !== point.t);
  if (point.t < windowStart) return kept;
  let i = kept.length;
  while (i > 0 && kept[i - 1]!.t > point.t) i--;
  kept.splice(i, 0, point);
  return kept;
}

/**
 * Loads the last WINDOW_MS of a metric. Live points that reached the cache while this request
 * was in flight are newer than its last bucket and are kept, so nothing flickers away.
 */
export async function fetchWindow(qc: QueryClient, deviceKey: string, metric: string, signal: AbortSignal): Promise<Point[]> {
  const to = Date.now();
  const from = to - WINDOW_MS;
  const qs = new URLSearchParams({ metric, from: String(from), to: String(to + 1000), points: String(WINDOW_POINTS) });
  const res = await fetchJson<ReadingsResponse>(`/api/devices/${encodeURIComponent(deviceKey)}/readings?${qs}`, { signal });
  const fetched: Point[] = res.buckets.map(({ t, avg, min, max }) => ({ t, avg, min, max }));
  const lastT = fetched.at(-1)?.t ?? from;
  const live = (qc.getQueryData<Point[]>(queryKeys.readings(deviceKey, metric)) ?? []).filter((p) => p.t > lastT);
  return [...fetched, ...live];
}
