import type { Logger } from "pino";
import type { Sql } from "../lib/server/db/connect";
import { loadEnabledRules } from "../lib/server/db/queries/alert-rules";
import { sweepAlerts } from "../lib/server/alerts/sweep";
import type { BatchWriter } from "./writer";

export interface AlertingOptions {
  /** How soon a new or changed rule applies to incoming readings. */
  refreshMs: number;
  /** How often the clock's part runs ("for" durations ran out, silent devices). */
  sweepMs: number;
}

/**
 * Keeps the writer's alert rules fresh and runs the alert sweep. A failure (database away) is
 * logged and tried again next time; readings keep flowing with the rules last loaded.
 */
export function startAlerting(
  sql: Sql,
  writer: BatchWriter,
  log: Logger,
  options: AlertingOptions,
): { ready: Promise<void>; stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const once = (what: string, job: () => Promise<unknown>) => {
    running ??= job()
      .catch((err: Error) => log.warn({ err: err.message }, `${what} failed; will retry`))
      .finally(() => (running = null));
    return running;
  };
  const refresh = () => loadEnabledRules(sql).then((rules) => (writer.alertRules = rules));
  const sweep = async () => {
    const changes = await sweepAlerts(sql, writer.alertRules);
    if (changes.length > 0) log.info({ changes: changes.length }, "alert sweep: fired or resolved");
  };
  const ready = refresh().then(
    () => undefined,
    (err: Error) => log.warn({ err: err.message }, "alert rules not loaded yet; will retry"),
  );
  const timers = [
    setInterval(() => void once("alert rule refresh", refresh), options.refreshMs),
    setInterval(() => void once("alert sweep", sweep), options.sweepMs),
  ];
  timers.forEach((t) => t.unref());
  return {
    ready,
    async stop() {
      timers.forEach(clearInterval);
      await running;
    },
  };
}
