import "server-only";
import { getDb } from "../db/client";
import { loadEnv } from "../env";
import { createMqttAuthenticator, type MqttAuthenticator } from "./authenticator";
import type { MqttHttpDeps } from "./http-handler";

// One authenticator (and its cache) per web process; on globalThis so dev reloads keep it.
const holder = globalThis as unknown as { fieldwatchMqttAuthenticator?: MqttAuthenticator };

/** The web app's broker-auth settings: MQTT_AUTH_SECRET, and the service login from MQTT_USERNAME / MQTT_PASSWORD. */
export function mqttHttpDeps(): MqttHttpDeps {
  const env = loadEnv();
  return {
    secret: env.MQTT_AUTH_SECRET,
    authenticator: () => {
      holder.fieldwatchMqttAuthenticator ??= createMqttAuthenticator({
        sql: getDb().sql,
        service:
          env.MQTT_USERNAME && env.MQTT_PASSWORD
            ? { username: env.MQTT_USERNAME, password: env.MQTT_PASSWORD }
            : undefined,
        cacheMs: env.MQTT_AUTH_CACHE_MS,
      });
      return holder.fieldwatchMqttAuthenticator;
    },
  };
}
