import path from "node:path";
import { startEmbeddedBroker } from "../embedded/broker";
import { startEmbeddedPostgres } from "../embedded/postgres";
import type { Env } from "../../lib/server/env";
import { connectDb } from "../../lib/server/db/connect";
import { createMqttAuthenticator } from "../../lib/server/mqtt-auth/authenticator";
import type { ServiceCredentials } from "../../lib/server/mqtt-auth/decide";

export interface Services {
  databaseUrl: string;
  mqttUrl: string;
  embeddedDb: boolean;
  embeddedBroker: boolean;
  stop(): Promise<void>;
}

/**
 * PostgreSQL and the MQTT broker: the configured ones, or embedded ones (docs/architecture.md, "Processes"). The
 * embedded broker lets in only the service (`service`) and devices with their live token.
 */
export async function startServices(
  env: Env,
  service: ServiceCredentials,
  log: (msg: string) => void,
): Promise<Services> {
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
      // Its own small pool: the broker's lookups must not wait behind anything else.
      const authDb = connectDb(databaseUrl, { max: 2, applicationName: "fieldwatch-broker-auth" });
      stops.unshift(authDb.close);
      const authenticator = createMqttAuthenticator({
        sql: authDb.sql,
        service,
        cacheMs: env.MQTT_AUTH_CACHE_MS,
      });
      const broker = await startEmbeddedBroker(env.MQTT_PORT, "0.0.0.0", {
        authenticator,
        recheckMs: Math.max(1000, env.MQTT_AUTH_CACHE_MS),
        maxPacketBytes: env.MQTT_MAX_PACKET_BYTES,
        onPacketTooLarge: (address) =>
          log(
            `embedded MQTT broker: ${address} sent a packet over ${env.MQTT_MAX_PACKET_BYTES} bytes; disconnected`,
          ),
        onRecheckFailed: (err) =>
          log(`embedded MQTT broker: could not re-check connected devices (${err.message})`),
      });
      stops.unshift(broker.stop);
      mqttUrl = `mqtt://127.0.0.1:${broker.port}`;
      log(
        `embedded MQTT broker (aedes) listening on port ${broker.port}, devices log in with their key and token`,
      );
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
