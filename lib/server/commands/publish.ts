import type { MqttClient, PacketCallback } from "mqtt";
import { COMMAND_ACK_TIMEOUT_MS } from "../../domain/commands/protocol";

/** How long the broker has to take a command (PUBACK) before the sender is told it failed. */
export const PUBLISH_TIMEOUT_MS = 5000;

export class PublishFailedError extends Error {
  name = "PublishFailedError";
}

/**
 * Publishes QoS 1 and resolves once the broker has acknowledged it. Never left queued: while
 * disconnected it waits for the connection only until the timeout, and a message not taken in
 * time is withdrawn, or mqtt.js would send it on reconnect — a valve opening minutes later,
 * after the sender was told it failed.
 */
export function publishNow(
  client: MqttClient,
  topic: string,
  payload: string,
  timeoutMs = PUBLISH_TIMEOUT_MS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.off("connect", publish);
      if (err) reject(new PublishFailedError(`The MQTT broker did not take the command: ${err.message}`));
      else resolve();
    };
    const onAcked: PacketCallback = (err) => finish(err ?? undefined);
    const timer = setTimeout(() => {
      finish(
        new Error(client.connected ? `no acknowledgement within ${timeoutMs / 1000} s` : "not connected"),
      );
      const pending = Object.entries(client.outgoing).find(([, entry]) => entry.cb === onAcked);
      if (pending) client.removeOutgoingMessage(Number(pending[0]));
    }, timeoutMs);
    // MQTT 5 brokers drop it once it's stale, rather than hand it to a device that connects late.
    const properties =
      client.options.protocolVersion === 5
        ? { messageExpiryInterval: COMMAND_ACK_TIMEOUT_MS / 1000 }
        : undefined;
    function publish() {
      client.publish(topic, payload, { qos: 1, properties }, onAcked);
    }
    if (client.connected) publish();
    else client.once("connect", publish);
  });
}
