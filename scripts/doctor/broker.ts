import { randomBytes } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import { fail, ok, reason, warn, within, type Finding } from "./check";

export interface BrokerSettings {
  url?: string;
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
  sharedGroup: string;
}

/**
 * The broker: reachable with the service's login, and — when workers are to split the stream —
 * delivering through an MQTT 5 shared subscription (a message published to a topic of our own
 * must come back through `$share/…`).
 */
export async function checkBroker(settings: BrokerSettings): Promise<Finding[]> {
  if (!settings.url)
    return [fail("broker", "MQTT_URL is not set", "set it to the broker, e.g. mqtt://127.0.0.1:1883")];
  let client: MqttClient;
  try {
    client = await within(
      5000,
      "the broker",
      mqtt.connectAsync(settings.url, {
        clientId: `fieldwatch-doctor-${randomBytes(4).toString("hex")}`,
        username: settings.username,
        password: settings.password,
        protocolVersion: settings.protocolVersion,
        reconnectPeriod: 0,
        connectTimeout: 5000,
      }),
    );
  } catch (err) {
    return [
      fail(
        "broker",
        `can't connect to ${new URL(settings.url).host} as ${settings.username ?? "(no user)"}: ${reason(err)}`,
        "check MQTT_URL, and that the broker knows MQTT_USERNAME / MQTT_PASSWORD (docs/mqtt.md, broker authentication)",
      ),
    ];
  }
  try {
    return [
      ok("broker", `connected to ${new URL(settings.url).host} as ${settings.username ?? "(no user)"}`),
      await sharedSubscription(client, settings),
    ];
  } finally {
    await client.endAsync();
  }
}

async function sharedSubscription(client: MqttClient, settings: BrokerSettings): Promise<Finding> {
  if (settings.protocolVersion !== 5 || !settings.sharedGroup)
    return warn(
      "shared subscription",
      "off (MQTT 3.1.1 or no MQTT_SHARED_GROUP): every worker would get every message",
      "run a single ingest worker, or an MQTT 5 broker with MQTT_PROTOCOL_VERSION=5",
    );
  const topic = `fieldwatch-doctor/${randomBytes(4).toString("hex")}`;
  const arrived = new Promise<void>((resolve) => client.on("message", (t) => t === topic && resolve()));
  try {
    await client.subscribeAsync(`$share/${settings.sharedGroup}-doctor/${topic}`, { qos: 1 });
    await client.publishAsync(topic, "ping", { qos: 1 });
    await within(5000, "a message through the shared subscription", arrived);
    return ok("shared subscription", "MQTT 5 $share delivers: workers can split the stream");
  } catch (err) {
    return fail(
      "shared subscription",
      `not working: ${reason(err)}`,
      "use a broker with MQTT 5 shared subscriptions (Mosquitto 2, EMQX, HiveMQ), and allow the service to subscribe to $share/#",
    );
  }
}
