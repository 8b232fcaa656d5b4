import type { MetricSpec } from "@/lib/domain/devices/types";

/** A metric value as text: the type's precision when it declares one, else at most 3 decimals. No grouping separators. */
export function formatValue(value: number, precision?: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (precision !== undefined && precision >= 0 && precision <= 10) return value.toFixed(precision);
  return String(Number(value.toFixed(3)));
}

/** "12 s ago", "4 min ago", "3 h ago", "2 d ago"; future times (clock skew) read as "just now". */
export function formatAge(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return "just now";
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** A metric's human name: its label, else its name. */
export function metricLabel(metric: Pick<MetricSpec, "name" | "label">): string {
  return metric.label ?? metric.name;
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

/** The local day, e.g. "May 12, 2025" (in the browser's locale). */
export function formatLocalDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** The local time to the second, e.g. "2:03:27 PM". */
export function formatLocalClock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { timeStyle: "medium" });
}
