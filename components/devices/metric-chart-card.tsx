"use client";

import { errorMessage } from "../api/fetch-json";
import type { MetricSpec } from "../api/types";
import { MetricChart } from "../charts/metric-chart";
import { WINDOW_MS } from "../live/readings-cache";
import { useMetricReadings } from "../live/use-metric-readings";
import { Card, CardHeader } from "../ui/card";
import { metricLabel } from "../ui/format";
import { Skeleton } from "../ui/skeleton";
import { useNow } from "../ui/use-now";

const HEIGHT = 200;

/** A metric's last 15 minutes as a live chart, or why it can't be shown. */
export function MetricChartCard({ deviceKey, metric }: { deviceKey: string; metric: MetricSpec }) {
  const { data, error, isPending } = useMetricReadings(deviceKey, metric.name);
  const now = useNow();
  const label = metricLabel(metric);
  const to = now || (data?.at(-1)?.t ?? 0);

  let body;
  if (isPending || !now) body = <Skeleton className="h-[200px] w-full" />;
  else if (error && !data) body = <Centered tone="text-danger">Couldn&apos;t load readings: {errorMessage(error)}</Centered>;
  else if (!data || !data.some((p) => p.t >= to - WINDOW_MS)) body = <Centered>No readings in the last 15 minutes.</Centered>;
  else body = <MetricChart points={data} from={to - WINDOW_MS} to={to} unit={metric.unit} precision={metric.precision} label={label} height={HEIGHT} />;

  return (
    <Card data-testid={`metric-chart-${metric.name}`}>
      <CardHeader title={label} actions={<span className="text-xs text-muted">Last 15 min{metric.unit ? ` · ${metric.unit}` : ""}</span>} />
      <div className="px-2 pb-2 pt-3">{body}</div>
    </Card>
  );
}

function Centered({ children, tone = "text-muted" }: { children: React.ReactNode; tone?: string }) {
  return <div className={`flex h-[200px] items-center justify-center px-4 text-center ${tone}`}>{children}</div>;
}
