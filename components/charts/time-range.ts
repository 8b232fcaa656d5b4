/** The device page's time ranges: presets ending now, or a fixed custom span (also what zoom sets). */
export const PRESETS = [
  { id: "15m", label: "Live 15 min", ms: 15 * 60_000, live: true },
  { id: "1h", label: "1 h", ms: 3_600_000, live: true },
  { id: "6h", label: "6 h", ms: 6 * 3_600_000, live: false },
  { id: "24h", label: "24 h", ms: 86_400_000, live: false },
  { id: "7d", label: "7 d", ms: 7 * 86_400_000, live: false },
  { id: "30d", label: "30 d", ms: 30 * 86_400_000, live: false },
] as const;

export type PresetId = (typeof PRESETS)[number]["id"];
export type TimeRange = { kind: "preset"; id: PresetId } | { kind: "custom"; from: number; to: number };

export const DEFAULT_RANGE = { kind: "preset", id: "15m" } as const satisfies TimeRange;

/** Buckets a chart asks for: enough for a wide screen, never the raw series of a long range. */
export const CHART_POINTS = 600;

/** The smallest span zoom goes down to: below it a chart shows a handful of raw points. */
export const MIN_SPAN_MS = 10_000;

export function preset(id: PresetId) {
  return PRESETS.find((p) => p.id === id)!;
}

/** `?range=6h`, or `?from=…&to=…` (ISO 8601) for a custom span; anything invalid reads as the default. */
export function parseRange(params: URLSearchParams): TimeRange {
  const from = Date.parse(params.get("from") ?? "");
  const to = Date.parse(params.get("to") ?? "");
  if (Number.isFinite(from) && Number.isFinite(to) && to - from >= MIN_SPAN_MS)
    return { kind: "custom", from, to };
  const id = params.get("range");
  return PRESETS.some((p) => p.id === id) ? { kind: "preset", id: id as PresetId } : DEFAULT_RANGE;
}

/** The URL parameters for a range (the default needs none). */
export function rangeParams(range: TimeRange): Record<string, string | null> {
  if (range.kind === "custom")
    return { range: null, from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
  return { range: range.id === DEFAULT_RANGE.id ? null : range.id, from: null, to: null };
}

/** The span a range covers at `now`. */
export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  return range.kind === "custom"
    ? { from: range.from, to: range.to }
    : { from: now - preset(range.id).ms, to: now };
}

/** Live ranges append points from the stream; longer ones refetch now and then. */
export function isLive(range: TimeRange): boolean {
  return range.kind === "preset" && preset(range.id).live;
}

/** Evenly spaced "nice" tick times across [from, to], about `count` of them. */
export function timeTicks(from: number, to: number, count = 5): number[] {
  const steps = [
    1,
    5,
    15,
    30,
    60,
    300,
    900,
    1800,
    3600,
    3 * 3600,
    6 * 3600,
    12 * 3600,
    86_400,
    2 * 86_400,
    7 * 86_400,
  ].map((s) => s * 1000);
  const step = steps.find((s) => (to - from) / s <= count) ?? steps.at(-1)!;
  // Align to the viewer's local midnight-based grid for day-sized steps, UTC otherwise (same for whole hours in most zones).
  const offset = step >= 86_400_000 ? new Date(from).getTimezoneOffset() * 60_000 : 0;
  const ticks: number[] = [];
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** Tick labels that fit the span: clock times within a day, dates beyond. */
export function tickFormatter(from: number, to: number): (t: number) => string {
  const span = to - from;
  if (span <= 2 * 60_000)
    return (t) =>
      new Date(t).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  if (span <= 86_400_000)
    return (t) => new Date(t).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  if (span <= 3 * 86_400_000)
    return (t) =>
      new Date(t).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  return (t) => new Date(t).toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

/** What a chart's header says about its range: "Live 15 min", or "Nov 20, 10:00 – Nov 21, 10:00". */
export function rangeLabel(range: TimeRange): string {
  if (range.kind === "preset")
    return preset(range.id).live ? preset(range.id).label : `Last ${preset(range.id).label}`;
  const fmt = (t: number) =>
    new Date(t).toLocaleString(undefined, {
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  return `${fmt(range.from)} – ${fmt(range.to)}`;
}
