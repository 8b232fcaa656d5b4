import type { MetricSpec } from "./types";

/**
 * What to show for a device: its type's metrics in their declared order, then anything else it
 * reports (untyped devices, new firmware, a metric first seen on the live stream), by name.
 */
export function deviceMetrics(device: {
  metrics: MetricSpec[];
  latest: Record<string, unknown>;
}): MetricSpec[] {
  const declared = new Set(device.metrics.map((m) => m.name));
  const extra = Object.keys(device.latest)
    .filter((name) => !declared.has(name))
    .sort()
    .map((name) => ({ name }));
  return [...device.metrics, ...extra];
}
