import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import mqtt, { type MqttClient } from "mqtt";
import { redactSecrets } from "../../domain/redact";
import { loadEnv } from "../env";

// One broker connection per web process, kept on globalThis so dev-mode module reloads don't open new ones.
const holder = globalThis as unknown as { fieldwatchCommandClient?: MqttClient };

/**
 * The MQTT client the web app sends commands through, connected on first use with the service
 * credentials; null when no broker is configured. A clean session: nothing is kept for later,
 * a command goes out now or fails (lib/server/commands/publish.ts).
 */
export function getCommandClient(): MqttClient | null {
  if (holder.fieldwatchCommandClient) return holder.fieldwatchCommandClient;
  const env = loadEnv();
  if (!env.MQTT_URL) return null;
  const client = mqtt.connect(env.MQTT_URL, {
    clientId: `fieldwatch-web-${hostname()}-${randomBytes(3).toString("hex")}`,
    clean: true,
    username: env.MQTT_USERNAME,
    password: env.MQTT_PASSWORD,
    protocolVersion: env.MQTT_PROTOCOL_VERSION,
    reconnectPeriod: 2000,
    connectTimeout: 5000,
  });
  // Without a listener an 'error' event would take the web process down; senders see a 503.
  // An error may quote the broker URL, password included.
  client.on("error", (err) => console.warn(redactSecrets(`command MQTT client: ${err.message}`)));
  holder.fieldwatchCommandClient = client;
  return client;
}
