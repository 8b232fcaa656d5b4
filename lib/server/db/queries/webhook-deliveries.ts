import type { Sql } from "../connect";
import { isUuid } from "../../../domain/ids";

/** A delivery with its attempts, as an endpoint's log shows it (dates as ISO strings). */
export interface DeliveryView {
  id: string;
  messageId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: string;
  deliveredAt: string | null;
  payload: unknown;
  /** Newest first; `attemptedAt` as PostgreSQL writes a timestamp into JSON (ISO 8601, to the microsecond). */
  log: { attemptedAt: string; statusCode: number | null; durationMs: number; error: string | null }[];
}

/** A delivery as listDeliveries reads it. */
export type DeliveryRow = Omit<DeliveryView, "nextAttemptAt" | "createdAt" | "deliveredAt"> & {
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

export function toDeliveryView(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    messageId: row.messageId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastDurationMs: row.lastDurationMs,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    payload: row.payload,
    log: row.log,
  };
}

/** The newest `limit` deliveries of an endpoint, each with its attempts (newest first). */
export async function listDeliveries(sql: Sql, webhookId: string, limit = 50): Promise<DeliveryRow[]> {
  return sql<DeliveryRow[]>`
    select d.id, d.message_id as "messageId", d.event_type as "eventType", d.status, d.attempts,
      case when d.status = 'pending' then d.next_attempt_at end as "nextAttemptAt",
      d.last_status_code as "lastStatusCode", d.last_error as "lastError", d.last_duration_ms as "lastDurationMs",
      d.created_at as "createdAt", d.delivered_at as "deliveredAt", d.payload,
      coalesce((select json_agg(json_build_object('attemptedAt', a.attempted_at, 'statusCode', a.status_code, 'durationMs', a.duration_ms, 'error', a.error)
                 order by a.attempted_at desc) from webhook_attempts a where a.delivery_id = d.id), '[]'::json) as log
    from webhook_deliveries d where d.webhook_id = ${webhookId}
    order by d.created_at desc limit ${limit}`;
}

/** Which endpoint a delivery belongs to (for the access check). */
export async function deliveryWebhook(sql: Sql, deliveryId: string): Promise<string | null> {
  if (!isUuid(deliveryId)) return null;
  const [row] = await sql<
    { webhook_id: string }[]
  >`select webhook_id from webhook_deliveries where id = ${deliveryId}`;
  return row?.webhook_id ?? null;
}
