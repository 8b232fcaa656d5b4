import type { Logger } from "pino";
import type { Sql } from "../lib/server/db/connect";
import { markSilentDevicesOffline } from "../lib/server/db/queries/connectivity";
import { notifyLive } from "../lib/server/live/channel";

/**
 * Every `everyMs`, devices silent past their inactivity timeout go offline (with a live
 * `status` event). A failed sweep (database away) is logged and tried again next time.
 */
export function startConnectivitySweep(sql: Sql, everyMs: number, log: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= sql
      .begin(async (tx) => {
        const events = await markSilentDevicesOffline(tx);
        await notifyLive(tx, events);
        return events;
      })
      .then((events) => {
        if (events.length > 0) log.info({ devices: events.length }, "silent devices marked offline");
      })
      .catch((err: Error) => log.warn({ err: err.message }, "connectivity sweep failed; next one will retry"))
      .finally(() => (running = null));
  };
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
