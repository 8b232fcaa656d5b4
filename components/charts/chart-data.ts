import type { Point } from "../live/readings-cache";

export interface ChartRow {
  t: number;
  avg: number | null;
  range: [number, number] | null;
}

/**
 * Chart rows with a break wherever data is missing: a run of absent buckets (more than 2.5
 * bucket widths between points) or, for a device that reports less often than the buckets,
 * silence much longer than its usual spacing (5× the median). Never under 30 s, so a little
 * jitter in a live chart doesn't break the line.
 */
export function toChartRows(points: Point[], bucketMs = 0): ChartRow[] {
  const gaps = points
    .slice(1)
    .map((p, i) => p.t - points[i]!.t)
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const breakAfter = Math.max(30_000, 2.5 * bucketMs, median > 1.5 * bucketMs ? 5 * median : 0);
  const rows: ChartRow[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && p.t - prev.t > breakAfter) rows.push({ t: prev.t + 1, avg: null, range: null });
    rows.push({ t: p.t, avg: p.avg, range: [p.min, p.max] });
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
