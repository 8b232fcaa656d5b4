import type { Logger } from "pino";
import type { Sql } from "../lib/server/db/connect";
import { markSilentDevicesOffline } from "../lib/server/db/queries/connectivity";

/**
 * Every `everyMs`, devices silent past their inactivity timeout go offline (with a live
 * `status` event). A failed sweep (database away) is logged and tried again next time.
 */
export function startConnectivitySweep(sql: Sql, everyMs: number, log: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= markSilentDevicesOffline(sql)
      .then((keys) => {
        if (keys.length > 0) log.info({ devices: keys.length }, "silent devices marked offline");
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
