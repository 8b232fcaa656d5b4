import type { Bucket } from "@/lib/domain/readings/bucket-plan";

export interface ChartRow {
  t: number;
  avg: number | null;
  range: [number, number] | null;
}

/**
 * Chart rows with a break wherever data is missing: a run of absent buckets (more than 2.5
 * bucket widths between buckets) or, for a device that reports less often than the buckets,
 * silence much longer than its usual spacing (5× the median). Never under 30 s, so a little
 * jitter in a live chart doesn't break the line.
 */
export function toChartRows(buckets: Bucket[], bucketMs = 0): ChartRow[] {
  const gaps = buckets
    .slice(1)
    .map((b, i) => b.t - buckets[i]!.t)
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const breakAfter = Math.max(30_000, 2.5 * bucketMs, median > 1.5 * bucketMs ? 5 * median : 0);
  const rows: ChartRow[] = [];
  buckets.forEach((b, i) => {
    const prev = buckets[i - 1];
    if (prev && b.t - prev.t > breakAfter) rows.push({ t: prev.t + 1, avg: null, range: null });
    rows.push({ t: b.t, avg: b.avg, range: [b.min, b.max] });
  });
  return rows;
}

export const formatDateTimeSeconds = (t: number) =>
  new Date(t).toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
