import type { DeviceCredentialsView } from "@/lib/server/http/device-credentials";

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A shell line that publishes one reading with these credentials (mosquitto-clients). */
export function mosquittoPubLine(c: DeviceCredentialsView): string {
  return [
    "mosquitto_pub",
    `-h ${c.broker.host} -p ${c.broker.port}`,
    `-i ${quote(c.clientId)} -u ${quote(c.username)} -P ${quote(c.password)}`,
    `-q 1 -t ${quote(c.topics.telemetry)} -m '{"temperature": 21.5}'`,
  ].join(" ");
}

/** The same in Node with mqtt.js, with the status topic as Last Will. */
export function mqttJsSnippet(c: DeviceCredentialsView): string {
  return `import mqtt from "mqtt";

const client = mqtt.connect("${c.broker.url}", {
  clientId: ${JSON.stringify(c.clientId)},
  username: ${JSON.stringify(c.username)},
  password: ${JSON.stringify(c.password)},
  will: { topic: ${JSON.stringify(c.topics.status)}, payload: "offline", qos: 1, retain: true },
});

client.on("connect", () => {
  client.publish(${JSON.stringify(c.topics.status)}, "online", { qos: 1, retain: true });
  client.publish(${JSON.stringify(c.topics.telemetry)}, JSON.stringify({ temperature: 21.5 }), { qos: 1 });
});
`;
}
