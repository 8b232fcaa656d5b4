import type { Bucket } from "@/lib/domain/readings/bucket-plan";
import type { ReadingsView } from "@/lib/server/db/queries/readings";
import { fetchJson } from "../api/fetch-json";
import { CHART_POINTS } from "./time-range";

/** A series' buckets over a window, and the bucket width they were loaded at (0: live readings). */
export interface Series {
  bucketMs: number;
  buckets: Bucket[];
}

/** A live reading as a chart bucket: one reading, so min = max = avg. */
export const readingBucket = (ts: number, value: number): Bucket => ({
  t: ts,
  avg: value,
  min: value,
  max: value,
  count: 1,
});

/** Adds a bucket in time order (late data lands in place), replacing one at the same instant, and drops what fell out of the window. */
export function insertBucket(buckets: Bucket[] | undefined, bucket: Bucket, windowStart: number): Bucket[] {
  const kept = (buckets ?? []).filter((b) => b.t >= windowStart && b.t !== bucket.t);
  if (bucket.t < windowStart) return kept;
  let i = kept.length;
  while (i > 0 && kept[i - 1]!.t > bucket.t) i--;
  kept.splice(i, 0, bucket);
  return kept;
}

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
  const res = await fetchJson<ReadingsView>(`/api/devices/${encodeURIComponent(deviceKey)}/readings?${qs}`, {
    signal,
  });
  return { bucketMs: res.bucketMs, buckets: res.buckets };
}
