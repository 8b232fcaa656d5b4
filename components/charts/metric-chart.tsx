"use client";

import { useState } from "react";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type MouseHandlerDataParam,
  type TooltipContentProps,
} from "recharts";
import type { Bucket } from "@/lib/domain/readings/bucket-plan";
import { formatValue } from "../ui/format";
import { formatDateTimeSeconds, toChartRows, type ChartRow } from "./chart-data";
import { MIN_SPAN_MS, tickFormatter, timeTicks } from "./time-range";

interface Props {
  buckets: Bucket[];
  /** Width of the buckets as loaded (0 for live readings). */
  bucketMs: number;
  /** The visible time range, epoch ms; a live chart scrolls as `to` advances. */
  from: number;
  to: number;
  unit?: string;
  precision?: number;
  label: string;
  height?: number;
  /** Called with the span the user dragged across; no zooming without it. */
  onZoom?: (from: number, to: number) => void;
  /** Alert rule thresholds, drawn as dashed lines (the axis stretches to show them). */
  thresholds?: { value: number; severity: "info" | "warning" | "critical"; label: string }[];
  /** Alert episodes on this metric, shaded over the time they lasted (to null: still firing). */
  episodes?: { from: number; to: number | null; severity: "info" | "warning" | "critical" }[];
}

const THRESHOLD_COLOUR = { critical: "var(--danger)", warning: "#d97706", info: "#0284c7" };

const AXIS = { fontSize: 11, fill: "var(--muted)" };

/**
 * A metric's average as a line, with its min–max band where buckets hold several readings, on
 * a time axis in the viewer's zone. Dragging across the chart selects a span to zoom into.
 */
export function MetricChart({
  buckets,
  bucketMs,
  from,
  to,
  unit,
  precision,
  label,
  height = 200,
  onZoom,
  thresholds = [],
  episodes = [],
}: Props) {
  const rows = toChartRows(
    buckets.filter((b) => b.t >= from && b.t <= to),
    bucketMs,
  );
  const sparse = rows.length < 40;
  const tickValue = (v: number) =>
    formatValue(v, precision !== undefined ? Math.min(precision, 2) : undefined);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const at = (e: MouseHandlerDataParam) => (e.activeLabel === undefined ? null : Number(e.activeLabel));

  const finishDrag = () => {
    if (drag && onZoom) {
      const [a, b] = [Math.min(drag.start, drag.end), Math.max(drag.start, drag.end)];
      if (b - a >= MIN_SPAN_MS) onZoom(a, b);
    }
    setDrag(null);
  };

  return (
    <ComposedChart
      responsive
      data={rows}
      style={{ width: "100%", height, cursor: onZoom ? "crosshair" : undefined, userSelect: "none" }}
      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      accessibilityLayer
      aria-label={`${label} from ${new Date(from).toLocaleString()} to ${new Date(to).toLocaleString()}`}
      onMouseDown={(e) => {
        const t = at(e);
        if (onZoom && t !== null) setDrag({ start: t, end: t });
      }}
      onMouseMove={(e) => {
        const t = at(e);
        if (drag && t !== null) setDrag({ ...drag, end: t });
      }}
      onMouseUp={finishDrag}
      onMouseLeave={() => setDrag(null)}
    >
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      {episodes
        .filter((e) => (e.to ?? to) >= from && e.from <= to)
        .map((e) => (
          <ReferenceArea
            key={e.from}
            x1={Math.max(e.from, from)}
            x2={Math.min(e.to ?? to, to)}
            fill={THRESHOLD_COLOUR[e.severity]}
            fillOpacity={0.12}
            ifOverflow="hidden"
          />
        ))}
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[from, to]}
        allowDataOverflow
        ticks={timeTicks(from, to, 4)}
        tickFormatter={tickFormatter(from, to)}
        tick={AXIS}
        stroke="var(--border)"
      />
      <YAxis
        width="auto"
        domain={["auto", "auto"]}
        // A whole-number metric (a valve's 0/1) gets whole ticks, not 0, 0, 1, 1, 1 from rounding.
        allowDecimals={precision !== 0}
        tickFormatter={tickValue}
        tick={AXIS}
        stroke="var(--border)"
        label={
          unit
            ? { value: unit, angle: -90, position: "insideLeft", style: { ...AXIS, textAnchor: "middle" } }
            : undefined
        }
      />
      <Tooltip
        content={(p) => (
          <ChartTooltip
            active={p.active}
            payload={p.payload}
            unit={unit}
            precision={precision}
            bucketMs={bucketMs}
          />
        )}
        isAnimationActive={false}
      />
      <Area
        dataKey="range"
        stroke="none"
        fill="var(--accent)"
        fillOpacity={0.12}
        isAnimationActive={false}
        connectNulls={false}
        activeDot={false}
      />
      <Line
        dataKey="avg"
        stroke="var(--accent)"
        strokeWidth={1.75}
        dot={sparse ? { r: 2, fill: "var(--accent)" } : false}
        isAnimationActive={false}
        connectNulls={false}
      />
      {thresholds.map((t, i) => (
        <ReferenceLine
          key={i}
          y={t.value}
          stroke={THRESHOLD_COLOUR[t.severity]}
          strokeDasharray="5 4"
          strokeWidth={1.25}
          ifOverflow="extendDomain"
        />
      ))}
      {drag && drag.end !== drag.start && (
        <ReferenceArea
          x1={drag.start}
          x2={drag.end}
          fill="var(--accent)"
          fillOpacity={0.15}
          stroke="var(--accent)"
          strokeOpacity={0.4}
          ifOverflow="hidden"
        />
      )}
    </ComposedChart>
  );
}

interface TooltipProps {
  active: boolean;
  payload: TooltipContentProps["payload"];
  unit?: string;
  precision?: number;
  bucketMs: number;
}

function ChartTooltip({ active, payload, unit, precision, bucketMs }: TooltipProps) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row || row.avg === null) return null;
  const fmt = (v: number) => `${formatValue(v, precision)}${unit ? ` ${unit}` : ""}`;
  const [min, max] = row.range ?? [row.avg, row.avg];
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="text-muted">
        {formatDateTimeSeconds(row.t)}
        {bucketMs >= 60_000 && ` · ${Math.round(bucketMs / 60_000)} min average`}
      </p>
      <p className="mt-0.5 font-semibold tabular-nums">{fmt(row.avg)}</p>
      {min !== max && (
        <p className="tabular-nums text-muted">
          {fmt(min)} – {fmt(max)}
        </p>
      )}
    </div>
  );
}
