import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { ReadingsResponse } from "../api/types";
import { CHART_POINTS } from "../charts/time-range";

/** One chart point: a server bucket, or a single live reading (min = max = avg). */
export interface Point {
  t: number;
  avg: number;
  min: number;
  max: number;
}

/** A chart's data: points in time order and the bucket width they were loaded at. */
export interface Series {
  bucketMs: number;
  points: Point[];
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

/** The live window a cached series covers, read back from its query key. */
export const windowOfKey = (key: QueryKey) => Number(key[3]);

/** One metric's buckets over [from, to). */
export async function fetchSeries(
  deviceKey: string,
  metric: string,
  from: number,
  to: number,
  signal: AbortSignal,
  points = CHART_POINTS,
): Promise<Series> {
  const qs = new URLSearchParams({
    metric,
    from: String(Math.floor(from)),
    to: String(Math.ceil(to)),
    points: String(points),
  });
  const res = await fetchJson<ReadingsResponse>(
    `/api/devices/${encodeURIComponent(deviceKey)}/readings?${qs}`,
    { signal },
  );
  return {
    bucketMs: res.bucketMs,
    points: res.buckets.map(({ t, avg, min, max }) => ({ t, avg, min, max })),
  };
}

/**
 * Loads the last `windowMs` of a metric for a live chart. Live points that reached the cache
 * while this request was in flight are newer than its last bucket and are kept, so the seam
 * between history and stream neither drops nor repeats a point.
 */
export async function fetchLiveWindow(
  qc: QueryClient,
  deviceKey: string,
  metric: string,
  windowMs: number,
  signal: AbortSignal,
): Promise<Series> {
  const to = Date.now();
  const fetched = await fetchSeries(deviceKey, metric, to - windowMs, to + 1000, signal);
  const lastT = fetched.points.at(-1)?.t ?? to - windowMs;
  const live = (
    qc.getQueryData<Series>(queryKeys.liveReadings(deviceKey, metric, windowMs))?.points ?? []
  ).filter((p) => p.t > lastT);
  return { bucketMs: fetched.bucketMs, points: [...fetched.points, ...live] };
}
