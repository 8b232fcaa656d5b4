import type { Logger } from "pino";
import type { Sql } from "../db/connect";
import { claimDue } from "./claim";
import { attemptDelivery } from "./deliver";
import { deliveryOptions, type DeliveryOptions } from "./options";

/**
 * The ingest worker's delivery loop: every `pollMs` it claims due deliveries and sends them side
 * by side. A database or network failure is logged and the next round tries again; a claim left
 * behind by a crash comes back when its lease runs out.
 */
export function startWebhookDelivery(
  sql: Sql,
  log: Logger,
  overrides: Partial<DeliveryOptions> = {},
): { stop(): Promise<void> } {
  const options = deliveryOptions(overrides);
  let stopped = false;
  let running: Promise<void> | null = null;
  const round = async () => {
    for (;;) {
      const jobs = await claimDue(sql, options.batchSize, options.leaseMs);
      if (jobs.length === 0) return;
      const reports = await Promise.all(
        jobs.map((job) =>
          attemptDelivery(sql, job, options).catch((err: Error) => {
            log.warn(
              { err: err.message, delivery: job.id },
              "webhook attempt could not be recorded; its lease will run out and it is tried again",
            );
            return null;
          }),
        ),
      );
      for (const [i, r] of reports.entries()) {
        if (r && r.outcome !== "delivered")
          log.info(
            {
              delivery: jobs[i]!.id,
              webhook: jobs[i]!.webhookId,
              outcome: r.outcome,
              status: r.statusCode,
              error: r.error,
            },
            "webhook attempt failed",
          );
      }
      if (stopped || jobs.length < options.batchSize) return;
    }
  };
  const tick = () => {
    if (stopped) return;
    running ??= round()
      .catch((err: Error) =>
        log.warn({ err: err.message }, "webhook delivery round failed; next one will retry"),
      )
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, options.pollMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
