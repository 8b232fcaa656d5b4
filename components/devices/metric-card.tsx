"use client";

import type { LatestValue } from "@/lib/server/db/queries/readings";
import type { MetricSpec } from "@/lib/domain/devices/types";
import { Sparkline } from "../charts/sparkline";
import { preset } from "../charts/time-range";
import { useLiveSeries } from "../live/use-live-series";
import { Card } from "../ui/card";
import { formatAge, formatDateTime, formatValue, metricLabel } from "../ui/format";
import { useNow } from "../ui/use-now";

/** After this long without a new value the card greys out: the number may no longer be true. */
const STALE_MS = 5 * 60_000;

const SPARK_MS = preset("15m").ms;

interface Props {
  deviceKey: string;
  metric: MetricSpec;
  latest: LatestValue | undefined;
}

/** A metric's latest value, large, with its unit and age ("21.4 °C · 3 s ago"), and its last 15 minutes. */
export function MetricCard({ deviceKey, metric, latest }: Props) {
  const now = useNow();
  const { data: recent } = useLiveSeries(deviceKey, metric.name, SPARK_MS);
  const ts = latest?.ts ?? null;
  const stale = ts !== null && now > 0 && now - ts > STALE_MS;
  return (
    <Card data-testid={`metric-card-${metric.name}`} className="p-4">
      <p className="truncate text-xs font-medium uppercase tracking-wide text-muted" title={metric.name}>
        {metricLabel(metric)}
      </p>
      <p className={`mt-1.5 flex items-baseline gap-1 ${stale ? "text-muted" : ""}`}>
        {latest ? (
          <>
            <span
              data-testid={`metric-value-${metric.name}`}
              className="text-2xl font-semibold tabular-nums tracking-tight sm:text-3xl"
            >
              {formatValue(latest.value, metric.precision)}
            </span>
            {metric.unit && <span className="text-sm text-muted">{metric.unit}</span>}
          </>
        ) : (
          <span className="text-2xl font-semibold text-muted sm:text-3xl">—</span>
        )}
      </p>
      <p className="mt-1 text-xs text-muted" title={ts !== null ? formatDateTime(ts) : undefined}>
        {ts === null
          ? "No data yet"
          : now > 0
            ? `${stale ? "Stale · " : ""}${formatAge(now - ts)}`
            : "\u00a0"}
      </p>
      <div className={`mt-2 ${stale ? "opacity-40 grayscale" : ""}`}>
        {recent && now > 0 ? (
          <Sparkline buckets={recent.buckets} from={now - SPARK_MS} to={now} label={metricLabel(metric)} />
        ) : (
          <div className="h-8" aria-hidden />
        )}
      </div>
    </Card>
  );
}
