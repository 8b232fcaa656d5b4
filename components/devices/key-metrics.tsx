import type { DeviceView } from "@/lib/server/db/queries/devices";
import type { MetricSpec } from "@/lib/domain/devices/types";
import { formatValue, metricLabel } from "../ui/format";

/**
 * The metrics worth a glance in the fleet list: the type's `key` metrics; failing those its
 * first two, and for untyped devices a few of whatever they report.
 */
export function keyMetrics(device: DeviceView): MetricSpec[] {
  const flagged = device.metrics.filter((m) => m.key);
  if (flagged.length > 0) return flagged;
  if (device.metrics.length > 0) return device.metrics.slice(0, 2);
  return Object.keys(device.latest)
    .sort()
    .slice(0, 3)
    .map((name) => ({ name }));
}

export function KeyMetrics({ device, className = "" }: { device: DeviceView; className?: string }) {
  const metrics = keyMetrics(device);
  if (metrics.length === 0) return <span className="text-muted">—</span>;
  return (
    <dl className={`flex flex-wrap gap-x-4 gap-y-1 ${className}`}>
      {metrics.map((m) => {
        const latest = device.latest[m.name];
        return (
          <div key={m.name} className="flex items-baseline gap-1.5 whitespace-nowrap">
            <dt className="text-xs text-muted">{metricLabel(m)}</dt>
            <dd className="font-medium tabular-nums">
              {latest ? formatValue(latest.value, m.precision) : "—"}
              {latest && m.unit && <span className="ml-0.5 text-xs font-normal text-muted">{m.unit}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
