import type { SiteScope } from "../../../domain/auth/access";
import type { AlertRuleInput } from "../../../domain/alerts/rule-input";
import type { Queryable, Sql } from "../connect";
import { siteFilter } from "./scope-sql";
import { saveRuleWebhooks } from "./webhooks-admin";

/** A rule as the API shows it, in the same terms it is written in (keys and slugs, seconds). */
export interface AlertRuleView extends AlertRuleInput {
  id: string;
  openAlerts: number;
  /** Why Fieldwatch switched it off: "device_moved", its device went to another site. */
  disabledReason?: "device_moved";
  createdAt: string;
}

/** A rule as listRules reads it: the view's fields (null ones left out), with its site's id. */
export type AlertRuleRow = Omit<AlertRuleView, "createdAt"> & { siteId: string; createdAt: Date };

/** The internal site id stays on the server. */
export function toAlertRuleView({ siteId: _siteId, ...rule }: AlertRuleRow): AlertRuleView {
  return { ...rule, createdAt: rule.createdAt.toISOString() };
}

export type RuleScope = { siteId: string; deviceId: string | null; typeId: string | null };

/**
 * The ids a rule's device / site / type name; the field at fault when one is unknown, with the
 * site's id when only the type is (callers check the site's visibility before saying so).
 */
export async function resolveRuleScope(
  sql: Sql,
  input: Pick<AlertRuleInput, "device" | "site" | "type">,
): Promise<RuleScope | { field: string; message: string; siteId?: string }> {
  if (input.device) {
    const [d] = await sql<
      { id: string; site_id: string }[]
    >`select id, site_id from devices where key = ${input.device} and archived_at is null`;
    return d
      ? { siteId: d.site_id, deviceId: d.id, typeId: null }
      : { field: "device", message: `no device "${input.device}"` };
  }
  const [row] = await sql<{ site_id: string | null; type_id: string | null }[]>`
    select (select id from sites where slug = ${input.site ?? ""}) as site_id, (select id from device_types where slug = ${input.type ?? ""}) as type_id`;
  if (!row?.site_id) return { field: "site", message: `no site "${input.site}"` };
  if (input.type && !row.type_id)
    return { field: "type", message: `no device type "${input.type}"`, siteId: row.site_id };
  return { siteId: row.site_id, deviceId: null, typeId: input.type ? row.type_id : null };
}

const columns = (rule: AlertRuleInput, scope: RuleScope) => ({
  site_id: scope.siteId,
  device_id: scope.deviceId,
  type_id: scope.typeId,
  name: rule.name,
  kind: rule.kind,
  metric: rule.metric ?? null,
  comparison: rule.kind === "threshold" ? (rule.comparison ?? null) : null,
  threshold: rule.threshold ?? null,
  threshold_high: rule.thresholdHigh ?? null,
  for_s: rule.forS,
  clear_threshold: rule.clearThreshold ?? null,
  clear_threshold_high: rule.clearThresholdHigh ?? null,
  clear_for_s: rule.clearForS,
  severity: rule.severity,
  repeat_every_s: rule.repeatEveryS ?? null,
  enabled: rule.enabled,
  // Written whole and checked against its device's site again: whatever switched it off is past.
  disabled_reason: null,
});

export async function insertRule(
  sql: Sql,
  rule: AlertRuleInput,
  scope: RuleScope,
  userId: string,
): Promise<string> {
  const [row] = await sql<
    { id: string }[]
  >`insert into alert_rules ${sql({ ...columns(rule, scope), created_by: userId })} returning id`;
  await saveRuleWebhooks(sql, row!.id, rule.webhooks ?? []);
  return row!.id;
}

export async function updateRule(
  sql: Sql,
  id: string,
  rule: AlertRuleInput,
  scope: RuleScope,
): Promise<void> {
  await sql`update alert_rules set ${sql({ ...columns(rule, scope), updated_at: new Date() })} where id = ${id}`;
  if (rule.webhooks) await saveRuleWebhooks(sql, id, rule.webhooks);
}

export async function deleteRule(sql: Sql, id: string): Promise<void> {
  await sql`delete from alert_rules where id = ${id}`;
}

/** Rules of the sites a scope covers (optionally one rule), newest first. */
export async function listRules(sql: Sql, scope: SiteScope, id?: string): Promise<AlertRuleRow[]> {
  if (!scope.all && scope.siteIds.length === 0) return [];
  const rows = await sql<(AlertRuleRow & { device: string | null; site: string; type: string | null })[]>`
    select r.id, r.site_id as "siteId", r.name, r.kind, r.metric, r.comparison, r.threshold, r.threshold_high as "thresholdHigh",
           r.for_s as "forS", r.clear_threshold as "clearThreshold", r.clear_threshold_high as "clearThresholdHigh",
           r.clear_for_s as "clearForS", r.severity, r.repeat_every_s as "repeatEveryS", r.enabled,
           r.disabled_reason as "disabledReason", r.created_at as "createdAt",
           d.key as device, s.slug as site, t.slug as type,
           (select count(*)::int from alerts a where a.rule_id = r.id and a.resolved_at is null) as "openAlerts",
           array(select rw.webhook_id::text from alert_rule_webhooks rw where rw.rule_id = r.id order by 1) as webhooks
    from alert_rules r join sites s on s.id = r.site_id
    left join devices d on d.id = r.device_id left join device_types t on t.id = r.type_id
    where true ${siteFilter(sql, "r.site_id", scope)} ${id ? sql`and r.id = ${id}` : sql``}
    order by r.created_at desc`;
  // Null columns leave the JSON, and a device rule names its device, not the site.
  return rows.map(
    (r) =>
      Object.fromEntries(
        Object.entries({ ...r, site: r.device ? undefined : r.site }).filter(
          ([, v]) => v !== null && v !== undefined,
        ),
      ) as unknown as AlertRuleRow,
  );
}

/**
 * Switches off the rules of other sites than `siteId` that name `deviceId` (it moved there):
 * they would watch a device their site no longer has. They stay, marked "device_moved", for
 * their site to delete or point at another device. The ids switched off.
 */
export async function disableRulesLeftBehind(
  sql: Queryable,
  deviceId: string,
  siteId: string,
): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    update alert_rules set enabled = false, disabled_reason = 'device_moved', updated_at = now()
    where device_id = ${deviceId} and site_id <> ${siteId} returning id`;
  return rows.map((r) => r.id);
}
