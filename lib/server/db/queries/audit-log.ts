import type { SiteScope } from "../../../domain/auth/access";
import type { Sql } from "../connect";

export interface AuditQuery {
  action?: string;
  actor?: string;
  from?: number;
  to?: number;
  page: number;
  pageSize: number;
}

type AuditRow = {
  /** bigserial: postgres.js hands int8 back as a string. */
  id: string;
  at: Date;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  site: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

/** An audit entry as the API sends it: the site by slug, the time as an ISO string. */
export interface AuditEntryView {
  /** A bigserial, sent as a string (exact beyond 2^53). */
  id: string;
  at: string;
  /** Who: their email at the time, or the label an anonymous caller was recorded under. */
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  site: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    site: row.site,
    ip: row.ip,
    details: row.details,
  };
}

/**
 * Audit entries, newest first. Site admins see what happened on their sites; events with no
 * site (sign-ins, users, tokens) are for global admins.
 */
export async function listAudit(
  sql: Sql,
  scope: SiteScope,
  q: AuditQuery,
): Promise<{ items: AuditRow[]; total: number }> {
  if (!scope.all && scope.siteIds.length === 0) return { items: [], total: 0 };
  const rows = await sql<(AuditRow & { total: number })[]>`
    select a.id, a.at, a.actor_label as actor, a.action, a.target_type as "targetType", a.target_id as "targetId",
           s.slug as site, a.ip, a.details, count(*) over ()::int as total
    from audit_log a left join sites s on s.id = a.site_id
    where ${scope.all ? sql`true` : sql`a.site_id = any(${scope.siteIds}::uuid[])`}
      ${q.action ? sql`and a.action like ${q.action.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}` : sql``}
      ${q.actor ? sql`and a.actor_label ilike ${"%" + q.actor.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}` : sql``}
      ${q.from ? sql`and a.at >= to_timestamp(${q.from / 1000})` : sql``}
      ${q.to ? sql`and a.at < to_timestamp(${q.to / 1000})` : sql``}
    order by a.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`;
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
