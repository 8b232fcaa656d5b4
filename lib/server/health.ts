import net from "node:net";
import type { Sql } from "./db/connect";

export async function databaseReachable(sql: Sql): Promise<boolean> {
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections at the broker's address (a probe: the web app's one MQTT client, for commands, connects only on first use). */
export function brokerReachable(mqttUrl: string | undefined, timeoutMs = 1500): Promise<boolean> {
  if (!mqttUrl) return Promise.resolve(false);
  const url = new URL(mqttUrl);
  const port = Number(url.port) || (url.protocol === "mqtts:" ? 8883 : 1883);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}
