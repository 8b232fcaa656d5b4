"use client";

import type { MetricSpec } from "../api/types";
import { Card } from "../ui/card";
import { formatAge, formatDateTime, formatValue, metricLabel } from "../ui/format";
import { useNow } from "../ui/use-now";

/** After this long without a new value the card greys out: the number may no longer be true. */
const STALE_MS = 5 * 60_000;

interface Props {
  metric: MetricSpec;
  latest: { ts: string; value: number } | undefined;
}

/** A metric's latest value, large, with its unit and age ("21.4 °C · 3 s ago"). */
export function MetricCard({ metric, latest }: Props) {
  const now = useNow();
  const ts = latest ? Date.parse(latest.ts) : null;
  const stale = ts !== null && now > 0 && now - ts > STALE_MS;
  return (
    <Card data-testid={`metric-card-${metric.name}`} className="p-4">
      <p className="truncate text-xs font-medium uppercase tracking-wide text-muted" title={metric.name}>
        {metricLabel(metric)}
      </p>
      <p className={`mt-1.5 flex items-baseline gap-1 ${stale ? "text-muted" : ""}`}>
        {latest ? (
          <>
            <span data-testid={`metric-value-${metric.name}`} className="text-2xl font-semibold tabular-nums tracking-tight sm:text-3xl">
              {formatValue(latest.value, metric.precision)}
            </span>
            {metric.unit && <span className="text-sm text-muted">{metric.unit}</span>}
          </>
        ) : (
          <span className="text-2xl font-semibold text-muted sm:text-3xl">—</span>
        )}
      </p>
      <p className="mt-1 text-xs text-muted" title={ts !== null ? formatDateTime(ts) : undefined}>
        {ts === null ? "No data yet" : now > 0 ? `${stale ? "Stale · " : ""}${formatAge(now - ts)}` : "\u00a0"}
      </p>
    </Card>
  );
}
