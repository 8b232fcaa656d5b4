import type { Sql } from "./db/connect";

export interface AuditEntry {
  action: string;
  actor: { id: string; email: string } | null;
  /** Who, when there is no signed-in actor (e.g. the email tried at sign-in). */
  actorLabel?: string;
  target?: { type: string; id: string };
  siteId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Records a security-relevant event. Never throws: losing an audit row must not fail the action it records. */
export async function audit(sql: Sql, entry: AuditEntry): Promise<void> {
  try {
    await sql`
      insert into audit_log (actor_id, actor_label, action, target_type, target_id, site_id, ip, details)
      values (${entry.actor?.id ?? null}, ${entry.actor?.email ?? entry.actorLabel ?? "anonymous"}, ${entry.action},
              ${entry.target?.type ?? null}, ${entry.target?.id ?? null}, ${entry.siteId ?? null}, ${entry.ip ?? null},
              ${sql.json((entry.details ?? {}) as never)})`;
  } catch (err) {
    console.error("audit log write failed", entry.action, err);
  }
}
