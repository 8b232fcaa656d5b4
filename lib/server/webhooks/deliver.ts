import type { Sql } from "../db/connect";
import { claimOne, type DeliveryJob } from "./claim";
import type { DeliveryOptions } from "./options";
import { recordAttempt, type Outcome } from "./record";
import { postJson, type SendResult } from "./send";
import { signedHeaders } from "./signature";
import { resolveTarget, TargetRefused } from "./target";

export interface AttemptReport extends SendResult {
  outcome: Outcome;
}

/** One attempt of a claimed delivery: the address is checked again at send time (DNS may have changed). */
export async function attemptDelivery(
  sql: Sql,
  job: DeliveryJob,
  options: DeliveryOptions,
): Promise<AttemptReport> {
  const result = await send(job, options);
  return { ...result, outcome: await recordAttempt(sql, job, result, options) };
}

async function send(job: DeliveryJob, options: DeliveryOptions): Promise<SendResult> {
  try {
    const target = await resolveTarget(job.url, options.allowPrivate);
    // Signed per attempt: the timestamp is the attempt's, the webhook-id the message's.
    return await postJson(
      target,
      job.body,
      signedHeaders(job.secret, job.messageId, job.body),
      options.timeoutMs,
    );
  } catch (err) {
    if (err instanceof TargetRefused)
      return { statusCode: null, durationMs: 0, error: `refused: ${err.message}`, retryAfter: null };
    throw err;
  }
}

/** A send by hand (test, redeliver): null when a worker is sending it right now. */
export async function deliverNow(
  sql: Sql,
  deliveryId: string,
  options: DeliveryOptions,
): Promise<AttemptReport | null> {
  const job = await claimOne(sql, deliveryId, options.leaseMs);
  return job ? attemptDelivery(sql, job, options) : null;
}
