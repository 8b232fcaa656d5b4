"use client";

import { useQuery } from "@tanstack/react-query";
import { deviceMetrics } from "@/lib/domain/devices/metrics";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { DeviceAlerts } from "../alerts/device-alerts";
import { RangePicker } from "../charts/range-picker";
import { DEFAULT_RANGE, rangeLabel } from "../charts/time-range";
import { useTimeRange } from "../charts/use-time-range";
import { DeviceCommands } from "../commands/device-commands";
import { useLiveReadings } from "../live/use-live-readings";
import { DeviceAdminActions } from "../provisioning/device-admin-actions";
import type { ProvisioningContext } from "../provisioning/types";
import { Button } from "../ui/button";
import { DeviceHeader } from "./device-header";
import { MetricCard } from "./metric-card";
import { MetricChartCard } from "./metric-chart-card";

/** What this person may do about the device's alerts (operators and up acknowledge and write rules). */
type Alerting = { canAck: boolean; canEditRules: boolean };
const NO_ALERTING: Alerting = { canAck: false, canEditRules: false };

/**
 * One device, live: header, a card per metric with its latest value, and a chart per metric
 * over the range in the URL (dragging across a chart zooms into that span), then its commands.
 * The live stream keeps the caches current; the 30 s refetch catches what has no event,
 * such as a device going offline by silence.
 */
export function DeviceDetail({
  initial,
  admin,
  alerting = NO_ALERTING,
}: {
  initial: DeviceView;
  admin: ProvisioningContext | null;
  alerting?: Alerting;
}) {
  const { data: device = initial } = useQuery({
    queryKey: queryKeys.device(initial.key),
    queryFn: ({ signal }) =>
      fetchJson<DeviceView>(`/api/devices/${encodeURIComponent(initial.key)}`, { signal }),
    initialData: initial,
    staleTime: 30_000,
    refetchInterval: 30_000,
  });
  const live = useLiveReadings(initial.key);
  const metrics = deviceMetrics(device);
  const { range, setRange } = useTimeRange();
  const zoom = (from: number, to: number) => setRange({ kind: "custom", from, to });

  return (
    <div className="space-y-6">
      <DeviceHeader
        device={device}
        live={live}
        actions={admin && <DeviceAdminActions device={device} context={admin} />}
      />
      <DeviceAlerts deviceKey={device.key} canAck={alerting.canAck} canEditRules={alerting.canEditRules} />
      {metrics.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-6 py-12 text-center text-muted">
          This device has not reported any readings yet. Values and charts appear here the moment it does.
        </p>
      ) : (
        <>
          <section aria-label="Latest values" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            {metrics.map((m) => (
              <MetricCard key={m.name} deviceKey={device.key} metric={m} latest={device.latest[m.name]} />
            ))}
          </section>
          <section aria-label="Charts" className="space-y-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <RangePicker range={range} onChange={setRange} />
              {range.kind === "custom" && (
                <Button onClick={() => setRange(DEFAULT_RANGE)} variant="ghost">
                  Back to live
                </Button>
              )}
            </div>
            <div className="grid gap-4 xl:grid-cols-2">
              {metrics.map((m) => (
                <MetricChartCard
                  key={m.name}
                  deviceKey={device.key}
                  metric={m}
                  range={range}
                  rangeLabel={rangeLabel(range)}
                  onZoom={zoom}
                />
              ))}
            </div>
          </section>
        </>
      )}
      <DeviceCommands
        deviceKey={device.key}
        typeSlug={device.type?.slug ?? null}
        disabled={device.disabled}
      />
    </div>
  );
}
