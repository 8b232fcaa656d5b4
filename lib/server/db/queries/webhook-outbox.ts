import type { AlertEvent } from "../../../domain/live/events";
import type { Queryable } from "../connect";

/**
 * Queues one delivery per enabled, linked endpoint of the change's rule — in the caller's
 * transaction, so a rolled-back alert sends nothing and a committed one is never forgotten
 * (the transactional outbox). The workers' delivery loop sends them.
 */
export async function enqueueAlertNotifications(tx: Queryable, change: AlertEvent): Promise<number> {
  const eventType = change.state === "firing" ? "alert.firing" : "alert.resolved";
  const rows = await tx`
    insert into webhook_deliveries (webhook_id, message_id, event_type, payload)
    select w.id, 'msg_' || replace(gen_random_uuid()::text, '-', ''), ${eventType},
      jsonb_build_object(
        'type', ${eventType}::text,
        'timestamp', to_char(to_timestamp(${change.ts} / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'data', jsonb_build_object(
          'alert', jsonb_build_object('id', a.id, 'state', ${change.state}::text, 'severity', a.severity,
            'startedAt', a.started_at, 'resolvedAt', a.resolved_at,
            'value', case when ${change.state}::text = 'resolved' then a.resolved_value else a.value end),
          'rule', jsonb_build_object('id', r.id, 'name', r.name),
          'device', jsonb_build_object('key', d.key, 'name', d.name),
          'site', jsonb_build_object('slug', s.slug, 'name', s.name)))
    from alerts a
    join alert_rules r on r.id = a.rule_id
    join devices d on d.id = a.device_id
    join sites s on s.id = r.site_id
    join alert_rule_webhooks rw on rw.rule_id = r.id
    join webhooks w on w.id = rw.webhook_id and w.enabled
    where a.id = ${change.alertId}
    returning 1`;
  return rows.length;
}

/** A test event for one endpoint, due at once; its id. */
export async function enqueueTestDelivery(sql: Queryable, webhookId: string, by: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into webhook_deliveries (webhook_id, message_id, event_type, payload)
    values (${webhookId}, 'msg_' || replace(gen_random_uuid()::text, '-', ''), 'webhook.test',
      jsonb_build_object('type', 'webhook.test', 'timestamp', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'data', jsonb_build_object('message', 'A test from Fieldwatch', 'requestedBy', ${by}::text)))
    returning id`;
  return row!.id;
}
