import type { Point } from "../live/readings-cache";

export interface ChartRow {
  t: number;
  avg: number | null;
  range: [number, number] | null;
}

/**
 * Chart rows with a break wherever the device went quiet for much longer than it usually
 * reports (5× the median spacing, at least 30 s), so silence shows as a gap, not a ramp.
 */
export function toChartRows(points: Point[]): ChartRow[] {
  const gaps = points.slice(1).map((p, i) => p.t - points[i]!.t).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const breakAfter = Math.max(30_000, 5 * median);
  const rows: ChartRow[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && p.t - prev.t > breakAfter) rows.push({ t: prev.t + 1, avg: null, range: null });
    rows.push({ t: p.t, avg: p.avg, range: [p.min, p.max] });
  });
  return rows;
}

/** Tick marks on whole minutes, every `stepMin` minutes, across [from, to]. */
export function timeTicks(from: number, to: number, stepMin: number): number[] {
  const step = stepMin * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

export const formatClock = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
export const formatClockSeconds = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
