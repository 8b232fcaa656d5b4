"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage, fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { OverviewView } from "@/lib/server/db/queries/overview";
import { RecentAlerts } from "../alerts/recent-alerts";
import { severityText } from "../alerts/severity-badge";
import { SEVERITIES, SEVERITY_LABEL } from "../alerts/types";
import { Notice } from "../ui/notice";
import { StatTile } from "./stat-tile";
import { SitesSummary } from "./sites-summary";

/** How often the Overview asks again: its figures move by the second, nobody needs them faster. */
const REFRESH_MS = 5000;

/** The fleet at a glance: devices by state, readings arriving now, quarantined messages, open alerts; refreshed every 5 s. */
export function OverviewView() {
  const { data, error } = useQuery({
    queryKey: queryKeys.overview(),
    queryFn: ({ signal }) => fetchJson<OverviewView>("/api/overview", { signal }),
    // Just after the web process started, the rate is not known yet: ask again in a second.
    refetchInterval: (query) => (query.state.data?.readingsPerSecond === null ? 1000 : REFRESH_MS),
  });
  const n = (v: number | undefined) => (v === undefined ? null : v.toLocaleString());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">Overview</h1>
        <p className="mt-0.5 text-muted">Your fleet right now. Updates every few seconds.</p>
      </div>
      {error && !data && (
        <Notice tone="danger">Couldn&apos;t load the overview: {errorMessage(error)}</Notice>
      )}
      <section aria-label="Fleet state" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <StatTile
          label="Online"
          testId="overview-online"
          value={n(data?.devices.online)}
          tone="text-ok"
          href="/devices?status=online"
          hint="reporting within their timeout"
        />
        <StatTile
          label="Offline"
          testId="overview-offline"
          value={n(data?.devices.offline)}
          tone={data?.devices.offline ? "text-danger" : ""}
          href="/devices?status=offline"
          hint="silent or disconnected"
        />
        <StatTile
          label="Never seen"
          testId="overview-never"
          value={n(data?.devices.never)}
          href="/devices?status=never"
          hint="provisioned, no data yet"
        />
        <StatTile
          label="Readings / s"
          testId="overview-rate"
          value={
            data?.readingsPerSecond != null
              ? data.readingsPerSecond.toLocaleString(undefined, { maximumFractionDigits: 1 })
              : null
          }
          hint="arriving now, fleet-wide"
        />
      </section>
      {/* What needs attention: open alerts by severity, and (operators) messages refused. */}
      <section aria-label="Active alerts" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {SEVERITIES.map((sev) => (
          <StatTile
            key={sev}
            label={SEVERITY_LABEL[sev]}
            testId={`overview-alerts-${sev}`}
            value={n(data?.alerts?.[sev])}
            tone={severityText(sev, data?.alerts?.[sev])}
            href={`/alerts?severity=${sev}`}
            hint="active alerts"
          />
        ))}
        {data?.quarantinedLastHour != null && (
          <StatTile
            label="Quarantined"
            testId="overview-quarantined"
            value={n(data.quarantinedLastHour)}
            tone={data.quarantinedLastHour > 0 ? "text-amber-600 dark:text-amber-400" : ""}
            href="/quarantine"
            hint="messages in the last hour"
          />
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <RecentAlerts />
        <SitesSummary />
      </div>
    </div>
  );
}
