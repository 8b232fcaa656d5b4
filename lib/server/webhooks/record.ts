import type { Sql, Tx } from "../db/connect";
import type { DeliveryJob } from "./claim";
import type { DeliveryOptions } from "./options";
import { nextRetryDelay, parseRetryAfter } from "./schedule";
import type { SendResult } from "./send";

export type Outcome = "delivered" | "retrying" | "failed" | "gone";

const ok = (code: number | null) => code !== null && code >= 200 && code < 300;

/**
 * Writes an attempt's result, in one transaction: the attempt log row, the delivery's new
 * state (delivered, scheduled again, or dead-lettered), and the endpoint's health — a success
 * clears the breaker (and a pause), 410 Gone disables the endpoint, a failure may pause it.
 */
export async function recordAttempt(
  sql: Sql,
  job: DeliveryJob,
  result: SendResult,
  options: DeliveryOptions,
): Promise<Outcome> {
  const attempts = job.attempts + 1;
  const outcome: Outcome = ok(result.statusCode)
    ? "delivered"
    : result.statusCode === 410
      ? "gone"
      : "failed";
  // Test sends are one-shot: an admin is watching the answer.
  const delay =
    outcome === "failed" && job.eventType !== "webhook.test"
      ? nextRetryDelay(
          attempts,
          options.schedule,
          parseRetryAfter(result.retryAfter),
          options.maxRetryAfterMs,
        )
      : null;
  const status = outcome === "delivered" ? "delivered" : delay === null ? "failed" : "pending";
  await sql.begin(async (tx) => {
    await tx`insert into webhook_attempts (delivery_id, status_code, duration_ms, error)
      values (${job.id}, ${result.statusCode}, ${result.durationMs}, ${result.error})`;
    await tx`
      update webhook_deliveries set status = ${status}, attempts = ${attempts}, claimed_until = null,
        next_attempt_at = case when ${delay}::float8 is null then next_attempt_at else now() + ${delay}::float8 * interval '1 millisecond' end,
        last_status_code = ${result.statusCode}, last_error = ${result.error}, last_duration_ms = ${result.durationMs},
        delivered_at = case when ${status} = 'delivered' then now() else delivered_at end
      where id = ${job.id}`;
    if (outcome === "delivered") {
      // Leaving a pause: what waited for the endpoint goes out at once.
      await tx`update webhook_deliveries set next_attempt_at = now() where webhook_id = ${job.webhookId} and status = 'pending'
        and exists (select 1 from webhooks where id = ${job.webhookId} and paused_at is not null)`;
      await tx`update webhooks set failure_streak = 0, failing_since = null, paused_at = null, paused_reason = null where id = ${job.webhookId}`;
    } else if (outcome === "gone") {
      await tx`update webhooks set enabled = false, disabled_reason = ${`the endpoint answered 410 Gone at ${new Date().toISOString()}`} where id = ${job.webhookId}`;
      await tx`update webhook_deliveries set status = 'failed', last_error = 'endpoint disabled: it answered 410 Gone'
        where webhook_id = ${job.webhookId} and status = 'pending' and id <> ${job.id}`;
    } else {
      await failure(tx, job.webhookId, result, options);
    }
  });
  return outcome === "failed" && status === "pending" ? "retrying" : outcome;
}

/** Counts the failure; pauses the endpoint once it has failed `breakerFailures` times in a row over `breakerAfterMs`. */
async function failure(tx: Tx, webhookId: string, result: SendResult, options: DeliveryOptions) {
  const last = result.statusCode !== null ? `HTTP ${result.statusCode}` : (result.error ?? "no answer");
  await tx`
    update webhooks set failure_streak = failure_streak + 1, failing_since = coalesce(failing_since, now())
    where id = ${webhookId}`;
  await tx`
    update webhooks set paused_at = now(),
      paused_reason = 'failing since ' || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"') || ': '
        || failure_streak || ' failed attempts in a row (last: ' || ${last}::text || ')'
    where id = ${webhookId} and paused_at is null and failure_streak >= ${options.breakerFailures}
      and failing_since <= now() - ${options.breakerAfterMs} * interval '1 millisecond'`;
}
