import type { SiteScope } from "../../../domain/auth/access";
import type { Sql } from "../connect";
import { siteFilter } from "./scope-sql";

/** An alert as the API lists it (dates as ISO strings). */
export interface AlertView {
  id: string;
  rule: { id: string; name: string };
  device: { key: string; name: string };
  site: { slug: string; name: string };
  severity: "info" | "warning" | "critical";
  state: "firing" | "resolved";
  startedAt: string;
  value: number | null;
  resolvedAt: string | null;
  acknowledged: { at: string; by: string | null; comment: string | null } | null;
}

export interface AlertFilters {
  state?: "active" | "history";
  severity?: AlertView["severity"];
  site?: string;
  device?: string;
  limit: number;
}

/** Alerts on devices the scope can see, newest first: active ones (open) or all. */
export async function listAlerts(sql: Sql, scope: SiteScope, f: AlertFilters): Promise<AlertRow[]> {
  if (!scope.all && scope.siteIds.length === 0) return [];
  return sql<AlertRow[]>`
    select a.id, a.severity, a.started_at, a.value, a.resolved_at, a.acked_at, a.ack_comment, u.name as acked_by,
           r.id as rule_id, r.name as rule_name, d.key as device_key, d.name as device_name, s.slug as site_slug, s.name as site_name
    from alerts a join alert_rules r on r.id = a.rule_id join devices d on d.id = a.device_id join sites s on s.id = d.site_id
    left join users u on u.id = a.acked_by
    where true ${siteFilter(sql, "d.site_id", scope)}
      ${f.state === "active" ? sql`and a.resolved_at is null` : sql``}
      ${f.severity ? sql`and a.severity = ${f.severity}` : sql``}
      ${f.site ? sql`and s.slug = ${f.site}` : sql``}
      ${f.device ? sql`and d.key = ${f.device}` : sql``}
    order by a.started_at desc limit ${f.limit}`;
}

export type AlertRow = {
  id: string;
  severity: AlertView["severity"];
  started_at: Date;
  value: number | null;
  resolved_at: Date | null;
  acked_at: Date | null;
  ack_comment: string | null;
  acked_by: string | null;
  rule_id: string;
  rule_name: string;
  device_key: string;
  device_name: string;
  site_slug: string;
  site_name: string;
};

export function toAlertView(r: AlertRow): AlertView {
  return {
    id: r.id,
    rule: { id: r.rule_id, name: r.rule_name },
    device: { key: r.device_key, name: r.device_name },
    site: { slug: r.site_slug, name: r.site_name },
    severity: r.severity,
    state: r.resolved_at ? "resolved" : "firing",
    startedAt: r.started_at.toISOString(),
    value: r.value,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    acknowledged: r.acked_at
      ? { at: r.acked_at.toISOString(), by: r.acked_by, comment: r.ack_comment }
      : null,
  };
}

/** One alert's site, for the permission check before acknowledging it. */
export async function alertSite(sql: Sql, id: string): Promise<{ siteId: string; acked: boolean } | null> {
  const [row] = await sql<{ site_id: string; acked: boolean }[]>`
    select d.site_id, a.acked_at is not null as acked from alerts a join devices d on d.id = a.device_id where a.id = ${id}`;
  return row ? { siteId: row.site_id, acked: row.acked } : null;
}

export async function acknowledgeAlert(
  sql: Sql,
  id: string,
  userId: string,
  comment: string | null,
): Promise<void> {
  await sql`update alerts set acked_at = now(), acked_by = ${userId}, ack_comment = ${comment} where id = ${id} and acked_at is null`;
}
