import type { SiteScope } from "../../../domain/auth/access";
import type { Sql } from "../connect";
import type { DeviceStatus } from "./devices";
import { siteFilter } from "./scope-sql";

/**
 * Quarantined messages received since `since` for the devices a scope can see; messages with
 * no known device (unknown keys, bad topics) count only for whoever sees every site.
 */
export async function quarantinedSince(sql: Sql, scope: SiteScope, since: Date): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from quarantine q
    where q.received_at >= ${since}
      ${scope.all ? sql`` : sql`and exists (select 1 from devices d where d.id = q.device_id and d.site_id = any(${scope.siteIds}::uuid[]))`}`;
  return row!.n;
}

export type AlertCounts = { critical: number; warning: number; info: number };

/** Open alerts on the devices a scope can see, by severity (the same devices GET /api/alerts lists). */
export async function activeAlertCounts(sql: Sql, scope: SiteScope): Promise<AlertCounts> {
  const counts: AlertCounts = { critical: 0, warning: 0, info: 0 };
  if (!scope.all && scope.siteIds.length === 0) return counts;
  const rows = await sql<{ severity: keyof AlertCounts; n: number }[]>`
    select a.severity, count(*)::int as n from alerts a join devices d on d.id = a.device_id
    where a.resolved_at is null ${siteFilter(sql, "d.site_id", scope)}
    group by a.severity`;
  for (const r of rows) if (r.severity in counts) counts[r.severity] = r.n;
  return counts;
}

/** The fleet at a glance, as far as the caller may see it (GET /api/overview). */
export interface OverviewView {
  devices: Record<DeviceStatus, number>;
  /** Fleet-wide, to a tenth; null: the web process has only just started listening. */
  readingsPerSecond: number | null;
  /** null: the caller may not see the quarantine. */
  quarantinedLastHour: number | null;
  /** Open alerts on the devices the caller sees, by severity. */
  alerts: AlertCounts;
}

export function toOverviewView(counts: {
  devices: Record<DeviceStatus, number>;
  readingsPerSecond: number | null;
  quarantinedLastHour: number | null;
  alerts: AlertCounts;
}): OverviewView {
  const rate = counts.readingsPerSecond;
  return {
    devices: counts.devices,
    readingsPerSecond: rate === null ? null : Math.round(rate * 10) / 10,
    quarantinedLastHour: counts.quarantinedLastHour,
    alerts: counts.alerts,
  };
}
