import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { queryKeys } from "../api/keys";
import { fetchSeries, type Series } from "../charts/buckets";

/** The live window a cached series covers, read back from its query key. */
export const windowOfKey = (key: QueryKey) => Number(key[3]);

/**
 * Loads the last `windowMs` of a metric for a live chart. Live readings that reached the cache
 * while this request was in flight are newer than its last bucket and are kept, so the seam
 * between history and stream neither drops nor repeats a reading.
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
  const lastT = fetched.buckets.at(-1)?.t ?? to - windowMs;
  const live = (
    qc.getQueryData<Series>(queryKeys.liveReadings(deviceKey, metric, windowMs))?.buckets ?? []
  ).filter((b) => b.t > lastT);
  return { bucketMs: fetched.bucketMs, buckets: [...fetched.buckets, ...live] };
}
