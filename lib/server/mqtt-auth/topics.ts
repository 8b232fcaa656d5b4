import { parseTopic } from "../../domain/telemetry/topic";

/**
 * What a device may do on the broker (docs/mqtt.md): publish on its own device→app topics, and
 * receive its commands. Exact topics only: a device never needs a wildcard, and a filter like
 * `devices/+/commands` or `#` would let it read other devices' traffic.
 */
export function deviceMayPublish(deviceKey: string, topic: string): boolean {
  // Its answers to commands; `commands` itself is the app's direction.
  if (topic === `${deviceCommandsTopic(deviceKey)}/ack`) return true;
  const parsed = parseTopic(topic);
  return (parsed.kind === "telemetry" || parsed.kind === "status") && parsed.deviceKey === deviceKey;
}

export const deviceCommandsTopic = (deviceKey: string) => `devices/${deviceKey}/commands`;

export function deviceMaySubscribe(deviceKey: string, topicFilter: string): boolean {
  return topicFilter === deviceCommandsTopic(deviceKey);
}
