import path from "node:path";
import { startEmbeddedBroker } from "../../lib/embedded/broker";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import type { Env } from "../../lib/env";

export interface Services {
  databaseUrl: string;
  mqttUrl: string;
  embeddedDb: boolean;
  embeddedBroker: boolean;
  stop(): Promise<void>;
}

/** PostgreSQL and the MQTT broker: the configured ones, or embedded ones (DESIGN §1). */
export async function startServices(env: Env, log: (msg: string) => void): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = path.join(env.DATA_DIR, "postgres");
      log(`starting embedded PostgreSQL (data in ${dataDir})`);
      const pg = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT, ownSignals: true });
      stops.unshift(pg.stop);
      databaseUrl = pg.url;
      log(`embedded PostgreSQL listening on 127.0.0.1:${pg.port}`);
    }
    let mqttUrl = env.MQTT_URL;
    if (!mqttUrl) {
      const broker = await startEmbeddedBroker(env.MQTT_PORT, "0.0.0.0");
      stops.unshift(broker.stop);
      mqttUrl = `mqtt://127.0.0.1:${broker.port}`;
      log(`embedded MQTT broker (aedes) listening on port ${broker.port}`);
    }
    return {
      databaseUrl,
      mqttUrl,
      embeddedDb: !env.DATABASE_URL,
      embeddedBroker: !env.MQTT_URL,
      stop: async () => {
        for (const stop of stops) await stop().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const stop of stops) await stop().catch(() => undefined);
    throw err;
  }
}
