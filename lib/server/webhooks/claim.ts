import type { Sql } from "../db/connect";

/** A delivery a worker holds for one attempt, with what it takes to send it. */
export interface DeliveryJob {
  id: string;
  webhookId: string;
  messageId: string;
  eventType: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

const jobColumns = (
  sql: Sql,
) => sql`d.id, d.webhook_id as "webhookId", d.message_id as "messageId", d.event_type as "eventType",
  d.payload::text as body, d.attempts, w.url, w.secret`;

const unclaimed = (sql: Sql) => sql`(d.claimed_until is null or d.claimed_until < now())`;

/**
 * Takes up to `limit` due deliveries of endpoints that are enabled and not paused. `skip locked`
 * lets several workers claim side by side without waiting or taking the same row; the lease
 * (claimed_until) keeps the row theirs while they send without holding a transaction open,
 * and hands it back to everyone if the worker dies mid-send.
 */
export async function claimDue(sql: Sql, limit: number, leaseMs: number): Promise<DeliveryJob[]> {
  return sql<DeliveryJob[]>`
    with due as (
      select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
      where d.status = 'pending' and d.next_attempt_at <= now() and ${unclaimed(sql)} and w.enabled and w.paused_at is null
      order by d.next_attempt_at limit ${limit}
      for update of d skip locked)
    update webhook_deliveries d set claimed_until = now() + ${leaseMs} * interval '1 millisecond'
    from due, webhooks w where d.id = due.id and w.id = d.webhook_id
    returning ${jobColumns(sql)}`;
}

/** Claims one delivery for a send by hand (test, redeliver), whatever its status; null while someone else sends it. */
export async function claimOne(sql: Sql, deliveryId: string, leaseMs: number): Promise<DeliveryJob | null> {
  const [job] = await sql<DeliveryJob[]>`
    with one as (select d.id from webhook_deliveries d where d.id = ${deliveryId} and ${unclaimed(sql)} for update skip locked)
    update webhook_deliveries d set status = 'pending', claimed_until = now() + ${leaseMs} * interval '1 millisecond'
    from one, webhooks w where d.id = one.id and w.id = d.webhook_id
    returning ${jobColumns(sql)}`;
  return job ?? null;
}
