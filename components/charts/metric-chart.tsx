"use client";

import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { Point } from "../live/readings-cache";
import { formatValue } from "../ui/format";
import { formatClock, formatClockSeconds, timeTicks, toChartRows, type ChartRow } from "./chart-data";

interface Props {
  points: Point[];
  /** The visible time range, epoch ms; the chart scrolls as `to` advances. */
  from: number;
  to: number;
  unit?: string;
  precision?: number;
  label: string;
  height?: number;
}

const AXIS = { fontSize: 11, fill: "var(--muted)" };

/** A live line of a metric's average, with its min–max band where buckets hold several readings. */
export function MetricChart({ points, from, to, unit, precision, label, height = 200 }: Props) {
  const rows = toChartRows(points.filter((p) => p.t >= from));
  const sparse = rows.length < 40;
  const tickValue = (v: number) => formatValue(v, precision !== undefined ? Math.min(precision, 2) : undefined);
  return (
    <ComposedChart responsive data={rows} style={{ width: "100%", height }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer aria-label={`${label} over the last 15 minutes`}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} allowDataOverflow ticks={timeTicks(from, to, 3)} tickFormatter={formatClock} tick={AXIS} stroke="var(--border)" />
      <YAxis
        width="auto"
        domain={["auto", "auto"]}
        tickFormatter={tickValue}
        tick={AXIS}
        stroke="var(--border)"
        label={unit ? { value: unit, angle: -90, position: "insideLeft", style: { ...AXIS, textAnchor: "middle" } } : undefined}
      />
      <Tooltip content={(p) => <ChartTooltip active={p.active} payload={p.payload} unit={unit} precision={precision} />} isAnimationActive={false} />
      <Area dataKey="range" stroke="none" fill="var(--accent)" fillOpacity={0.12} isAnimationActive={false} connectNulls={false} activeDot={false} />
      <Line dataKey="avg" stroke="var(--accent)" strokeWidth={1.75} dot={sparse ? { r: 2, fill: "var(--accent)" } : false} isAnimationActive={false} connectNulls={false} />
    </ComposedChart>
  );
}

interface TooltipProps {
  active: boolean;
  payload: TooltipContentProps["payload"];
  unit?: string;
  precision?: number;
}

function ChartTooltip({ active, payload, unit, precision }: TooltipProps) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row || row.avg === null) return null;
  const fmt = (v: number) => `${formatValue(v, precision)}${unit ? ` ${unit}` : ""}`;
  const [min, max] = row.range ?? [row.avg, row.avg];
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="text-muted">{formatClockSeconds(row.t)}</p>
      <p className="mt-0.5 font-semibold tabular-nums">{fmt(row.avg)}</p>
      {min !== max && (
        <p className="tabular-nums text-muted">
          {fmt(min)} – {fmt(max)}
        </p>
      )}
    </div>
  );
}
