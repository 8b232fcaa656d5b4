import type { SiteScope } from "../../../domain/auth/access";
import { isUuid } from "../../../domain/ids";
import type { WebhookPatch } from "../../../domain/webhooks/input";
import type { Sql } from "../connect";
import { siteFilter } from "./scope-sql";

/** An endpoint as the API shows it (never the secret; dates as ISO strings). */
export interface WebhookView {
  id: string;
  siteId: string;
  site: { slug: string; name: string };
  name: string;
  url: string;
  state: "active" | "paused" | "disabled";
  enabled: boolean;
  pausedAt: string | null;
  pausedReason: string | null;
  disabledReason: string | null;
  pending: number;
  failed: number;
  lastDeliveryAt: string | null;
  createdAt: string;
}

/** An endpoint as listWebhooks reads it. */
export type WebhookRow = Omit<WebhookView, "pausedAt" | "lastDeliveryAt" | "createdAt"> & {
  pausedAt: Date | null;
  lastDeliveryAt: Date | null;
  createdAt: Date;
};

export function toWebhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    siteId: row.siteId,
    site: row.site,
    name: row.name,
    url: row.url,
    enabled: row.enabled,
    state: row.state,
    pausedAt: row.pausedAt?.toISOString() ?? null,
    pausedReason: row.pausedReason,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
    pending: row.pending,
    failed: row.failed,
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
  };
}

/** What adding an endpoint answers (201): the endpoint and its signing secret. */
export type CreatedWebhookView = WebhookView & { secret: string };

export function toCreatedWebhookView(row: WebhookRow, secret: string): CreatedWebhookView {
  return { ...toWebhookView(row), secret };
}

export async function listWebhooks(sql: Sql, scope: SiteScope, id?: string): Promise<WebhookRow[]> {
  if (!scope.all && scope.siteIds.length === 0) return [];
  return sql<WebhookRow[]>`
    select w.id, w.site_id as "siteId", json_build_object('slug', s.slug, 'name', s.name) as site, w.name, w.url, w.enabled,
      case when not w.enabled then 'disabled' when w.paused_at is not null then 'paused' else 'active' end as state,
      w.paused_at as "pausedAt", w.paused_reason as "pausedReason", w.disabled_reason as "disabledReason", w.created_at as "createdAt",
      (select count(*)::int from webhook_deliveries d where d.webhook_id = w.id and d.status = 'pending') as pending,
      (select count(*)::int from webhook_deliveries d where d.webhook_id = w.id and d.status = 'failed') as failed,
      (select max(d.created_at) from webhook_deliveries d where d.webhook_id = w.id) as "lastDeliveryAt"
    from webhooks w join sites s on s.id = w.site_id
    where true ${siteFilter(sql, "w.site_id", scope)} ${id ? sql`and w.id = ${id}` : sql``}
    order by s.name, w.name`;
}

export async function insertWebhook(
  sql: Sql,
  w: { siteId: string; name: string; url: string; secret: string; createdBy: string },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into webhooks (site_id, name, url, secret, created_by) values (${w.siteId}, ${w.name}, ${w.url}, ${w.secret}, ${w.createdBy}) returning id`;
  return row!.id;
}

/** Applies a change. Switching on clears the 410 mark; resuming (or switching on) sends what waited at once. */
export async function updateWebhook(sql: Sql, id: string, patch: WebhookPatch): Promise<void> {
  await sql.begin(async (tx) => {
    if (patch.name !== undefined) await tx`update webhooks set name = ${patch.name} where id = ${id}`;
    if (patch.url !== undefined) await tx`update webhooks set url = ${patch.url} where id = ${id}`;
    if (patch.enabled === false) await tx`update webhooks set enabled = false where id = ${id}`;
    if (patch.enabled === true || patch.paused === false) {
      if (patch.enabled === true)
        await tx`update webhooks set enabled = true, disabled_reason = null where id = ${id}`;
      await tx`update webhooks set paused_at = null, paused_reason = null, failure_streak = 0, failing_since = null where id = ${id}`;
      await tx`update webhook_deliveries set next_attempt_at = now() where webhook_id = ${id} and status = 'pending'`;
    }
  });
}

export async function deleteWebhook(sql: Sql, id: string): Promise<void> {
  await sql`delete from webhooks where id = ${id}`;
}

export async function webhookSecret(sql: Sql, id: string): Promise<string | null> {
  const [row] = await sql<{ secret: string }[]>`select secret from webhooks where id = ${id}`;
  return row?.secret ?? null;
}

/** The endpoints of `siteId` among `ids`, to check a rule's list. */
export async function webhooksOfSite(sql: Sql, siteId: string, ids: string[]): Promise<string[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await sql<
    { id: string }[]
  >`select id from webhooks where site_id = ${siteId} and id = any(${valid}::uuid[])`;
  return rows.map((r) => r.id);
}

/** Replaces the endpoints a rule notifies. */
export async function saveRuleWebhooks(sql: Sql, ruleId: string, webhookIds: string[]): Promise<void> {
  await sql`delete from alert_rule_webhooks where rule_id = ${ruleId} and not (webhook_id = any(${webhookIds}::uuid[]))`;
  if (webhookIds.length > 0) {
    await sql`insert into alert_rule_webhooks (rule_id, webhook_id) select ${ruleId}, unnest(${webhookIds}::uuid[]) on conflict do nothing`;
  }
}
