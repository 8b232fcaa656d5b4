"use client";

import { Line, LineChart, XAxis, YAxis } from "recharts";
import type { Bucket } from "@/lib/domain/readings/bucket-plan";
import { toChartRows } from "./chart-data";

/** A metric's recent shape, small and without axes, for its card. */
export function Sparkline({
  buckets,
  from,
  to,
  label,
}: {
  buckets: Bucket[];
  from: number;
  to: number;
  label: string;
}) {
  const rows = toChartRows(buckets.filter((b) => b.t >= from));
  if (rows.length < 2) return <div className="h-8" aria-hidden />;
  return (
    <LineChart
      responsive
      data={rows}
      style={{ width: "100%", height: 32 }}
      margin={{ top: 2, right: 0, bottom: 2, left: 0 }}
      aria-label={`${label}, last 15 minutes`}
      role="img"
    >
      <XAxis dataKey="t" type="number" domain={[from, to]} allowDataOverflow hide />
      <YAxis hide domain={["dataMin", "dataMax"]} />
      <Line
        dataKey="avg"
        stroke="var(--accent)"
        strokeWidth={1.5}
        dot={false}
        isAnimationActive={false}
        connectNulls={false}
      />
    </LineChart>
  );
}
