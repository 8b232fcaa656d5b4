"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { DeviceSummary } from "../api/types";
import { useLiveReadings } from "../live/use-live-readings";
import { DeviceHeader } from "./device-header";
import { deviceMetrics } from "./device-metrics";
import { MetricCard } from "./metric-card";
import { MetricChartCard } from "./metric-chart-card";

/**
 * One device, live: header, a card per metric with its latest value, and a chart per metric.
 * The live stream keeps the caches current; the 30 s refetch catches what has no event,
 * such as a device going offline by silence.
 */
export function DeviceView({ initial }: { initial: DeviceSummary }) {
  const { data: device = initial } = useQuery({
    queryKey: queryKeys.device(initial.key),
    queryFn: ({ signal }) => fetchJson<DeviceSummary>(`/api/devices/${encodeURIComponent(initial.key)}`, { signal }),
    initialData: initial,
    staleTime: 30_000,
    refetchInterval: 30_000,
  });
  const live = useLiveReadings(initial.key);
  const metrics = deviceMetrics(device);

  return (
    <div className="space-y-6">
      <DeviceHeader device={device} live={live} />
      {metrics.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-6 py-12 text-center text-muted">
          This device has not reported any readings yet. Values and charts appear here the moment it does.
        </p>
      ) : (
        <>
          <section aria-label="Latest values" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            {metrics.map((m) => (
              <MetricCard key={m.name} metric={m} latest={device.latest[m.name]} />
            ))}
          </section>
          <section aria-label="Charts" className="grid gap-4 xl:grid-cols-2">
            {metrics.map((m) => (
              <MetricChartCard key={m.name} deviceKey={device.key} metric={m} />
            ))}
          </section>
        </>
      )}
    </div>
  );
}
