import mqtt, { type MqttClient } from "mqtt";
import type { Logger } from "pino";
import { backoffDelay } from "../lib/domain/backoff";
import type { IngestMetrics } from "./metrics";

export interface IngestMqttOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
  /** MQTT 5 shared-subscription group; empty: plain subscriptions (aedes has no $share). */
  sharedGroup: string;
}

export const INGEST_TOPICS = [
  "devices/+/telemetry",
  "devices/+/telemetry/+",
  "devices/+/status",
  "devices/+/commands/ack",
];

export function subscriptionTopics(
  options: Pick<IngestMqttOptions, "protocolVersion" | "sharedGroup">,
): string[] {
  const shared = options.protocolVersion === 5 && options.sharedGroup !== "";
  return INGEST_TOPICS.map((t) => (shared ? `$share/${options.sharedGroup}/${t}` : t));
}

/**
 * A persistent session (fixed client id, clean session off) so the broker queues QoS 1
 * messages while the worker restarts. mqtt.js acks a message when handleMessage calls back.
 */
export function connectIngestMqtt(
  options: IngestMqttOptions,
  /** `redelivered`: the broker's DUP flag (it may have been taken before, by a worker since killed). */
  onMessage: (topic: string, payload: Buffer, redelivered: boolean) => Promise<void>,
  /** Makes what `onMessage` took durable; runs before any acknowledgement leaves (throws: none does). */
  beforeAcks: () => void,
  metrics: IngestMetrics,
  log: Logger,
): MqttClient {
  const client = mqtt.connect(options.url, {
    clientId: options.clientId,
    clean: false,
    protocolVersion: options.protocolVersion,
    username: options.username,
    password: options.password,
    reconnectPeriod: backoffDelay(0),
    connectTimeout: 10_000,
    // Keep the session (and its queue) for a day when the worker is away.
    properties: options.protocolVersion === 5 ? { sessionExpiryInterval: 86_400 } : undefined,
  });
  let failures = 0;
  const holdAcks = ackGate(client, beforeAcks, log);
  client.handleMessage = (packet, done) => {
    // The PUBACK that done() writes lands in a corked socket, behind the journal write.
    const ack = () => {
      holdAcks();
      done();
    };
    onMessage(packet.topic, packet.payload as Buffer, packet.dup === true).then(ack, (err: Error) => {
      log.error({ err: err.message }, "message handler failed");
      ack();
    });
  };
  client.on("connect", (connack) => {
    failures = 0;
    client.options.reconnectPeriod = backoffDelay(0);
    metrics.connected.set({ service: "mqtt" }, 1);
    log.info({ url: options.url, sessionPresent: connack.sessionPresent }, "connected to MQTT broker");
    client.subscribe(subscriptionTopics(options), { qos: 1 }, (err) => {
      if (err) log.error({ err: err.message }, "subscribe failed");
    });
  });
  client.on("close", () => {
    metrics.connected.set({ service: "mqtt" }, 0);
    client.options.reconnectPeriod = backoffDelay(++failures);
  });
  client.on("error", (err) => log.warn({ err: err.message }, "MQTT error"));
  client.on("offline", () =>
    log.warn({ retryInMs: client.options.reconnectPeriod }, "MQTT broker unreachable, will retry"),
  );
  return client;
}

/**
 * mqtt.js hands over a socket read's messages one at a time and writes each PUBACK as soon as
 * its handler is done: two system calls a message (journal write, socket write) were a quarter
 * of the worker's time. Instead the socket is corked for one turn of the event loop: the PUBACKs
 * wait in it while the journal is written in one go, then leave together. Never an ack before
 * its journal record: if the journal can't be written the connection is dropped instead, and
 * the broker sends the messages again.
 */
function ackGate(client: MqttClient, beforeAcks: () => void, log: Logger): () => void {
  let held = false;
  return () => {
    if (held) return;
    held = true;
    const stream = client.stream;
    stream.cork();
    setImmediate(() => {
      held = false;
      try {
        beforeAcks();
      } catch (err) {
        log.error(
          { err: (err as Error).message },
          "journal write failed; dropping the connection so nothing unjournaled is acknowledged",
        );
        stream.destroy();
        return;
      }
      stream.uncork();
    });
  };
}
