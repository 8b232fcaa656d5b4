/** A time bucket of one series: the rollups, the readings API and the charts all speak it. */
export interface Bucket {
  /** Bucket start, epoch ms. */
  t: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

/** Where a bucketed query reads from: raw rows, or the minute/hour rollups the ingest keeps. */
export type BucketSource = "raw" | "minute" | "hour";

const RESOLUTION_MS: Record<BucketSource, number> = { raw: 1, minute: 60_000, hour: 3_600_000 };

export interface BucketPlan {
  source: BucketSource;
  /** Width of one output bucket: a whole number of the source's buckets. */
  bucketMs: number;
  /** Start of the first bucket: `from` snapped down to the source's grid. */
  originMs: number;
}

/**
 * Picks the coarsest source whose resolution is at most twice the bucket width `points` asks
 * for, so a 30-day chart reads 720 hour rollups instead of 2.6M raw rows (and a chart gets at
 * least about half the points it asked for). Output buckets are whole multiples of the
 * source's buckets, aligned to its grid, and never more than `points` over [from, to).
 */
export function planBuckets(fromMs: number, toMs: number, points: number): BucketPlan {
  const wanted = Math.max(1, Math.ceil((toMs - fromMs) / points));
  const source: BucketSource =
    2 * wanted >= RESOLUTION_MS.hour ? "hour" : 2 * wanted >= RESOLUTION_MS.minute ? "minute" : "raw";
  const resolution = RESOLUTION_MS[source];
  const originMs = Math.floor(fromMs / resolution) * resolution;
  // Snapping the origin down widened the range a little; widen the buckets to match.
  const bucketMs = Math.ceil(Math.ceil((toMs - originMs) / points) / resolution) * resolution;
  return { source, bucketMs, originMs };
}

/** How many buckets a plan yields at most over [from, to). */
export function bucketCount(plan: BucketPlan, toMs: number): number {
  return Math.ceil((toMs - plan.originMs) / plan.bucketMs);
}
