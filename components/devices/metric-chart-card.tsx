"use client";

import { errorMessage } from "../api/fetch-json";
import type { MetricSpec } from "@/lib/domain/devices/types";
import { useAlertEpisodes } from "../alerts/use-alert-episodes";
import { useThresholdLines } from "../alerts/use-threshold-lines";
import { MetricChart } from "../charts/metric-chart";
import { isLive, preset, resolveRange, type TimeRange } from "../charts/time-range";
import { useHistorySeries } from "../charts/use-history-series";
import { useLiveSeries } from "../live/use-live-series";
import { Card, CardHeader } from "../ui/card";
import { metricLabel } from "../ui/format";
import { Skeleton } from "../ui/skeleton";
import { useNow } from "../ui/use-now";
import { ExportMenu } from "./export-menu";

const HEIGHT = 220;

interface Props {
  deviceKey: string;
  metric: MetricSpec;
  range: TimeRange;
  rangeLabel: string;
  onZoom: (from: number, to: number) => void;
}

/** A metric over the chosen range: live (streamed) for the short presets, loaded history otherwise. */
export function MetricChartCard({ deviceKey, metric, range, rangeLabel, onZoom }: Props) {
  const live = isLive(range);
  const windowMs = range.kind === "preset" ? preset(range.id).ms : 0;
  const liveQuery = useLiveSeries(deviceKey, metric.name, windowMs, live);
  const historyQuery = useHistorySeries(deviceKey, metric.name, range, !live);
  const { data, error, isPending, isFetching } = live ? liveQuery : historyQuery;
  const now = useNow();
  const thresholds = useThresholdLines(deviceKey, metric.name);
  const episodes = useAlertEpisodes(deviceKey, metric.name);
  const label = metricLabel(metric);
  // A live chart scrolls with the clock; a history chart shows the span it was loaded for.
  const span = live
    ? resolveRange(range, now)
    : historyQuery.data
      ? { from: historyQuery.data.from, to: historyQuery.data.to }
      : resolveRange(range, now);

  let body;
  if (isPending || !now) body = <Skeleton className="h-[220px] w-full" />;
  else if (error && !data)
    body = <Centered tone="text-danger">Couldn&apos;t load readings: {errorMessage(error)}</Centered>;
  else if (!data || !data.buckets.some((b) => b.t >= span.from && b.t <= span.to))
    body = <Centered>No readings in this range.</Centered>;
  else
    body = (
      <MetricChart
        buckets={data.buckets}
        bucketMs={data.bucketMs}
        from={span.from}
        to={span.to}
        unit={metric.unit}
        precision={metric.precision}
        label={label}
        height={HEIGHT}
        onZoom={onZoom}
        thresholds={thresholds}
        episodes={episodes}
      />
    );

  return (
    <Card data-testid={`metric-chart-${metric.name}`} aria-busy={isFetching}>
      <CardHeader
        title={label}
        actions={
          <div className="flex items-center gap-2 text-xs text-muted">
            <span>
              {rangeLabel}
              {metric.unit ? ` · ${metric.unit}` : ""}
            </span>
            <ExportMenu deviceKey={deviceKey} metric={metric.name} from={span.from} to={span.to} />
          </div>
        }
      />
      <div className="px-2 pb-2 pt-3">{body}</div>
    </Card>
  );
}

function Centered({ children, tone = "text-muted" }: { children: React.ReactNode; tone?: string }) {
  return (
    <div className={`flex h-[220px] items-center justify-center px-4 text-center ${tone}`}>{children}</div>
  );
}
