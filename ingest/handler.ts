import type { Logger } from "pino";
import { backoffDelay, sleep } from "../lib/domain/backoff";
import { keptPayload } from "../lib/domain/quarantine/payload";
import { classifyMessage } from "../lib/domain/telemetry/classify";
import { parseTopic } from "../lib/domain/telemetry/topic";
import type { DeviceDirectory } from "./device-directory";
import type { IngestMetrics } from "./metrics";
import type { BatchWriter } from "./writer";

export interface HandlerDeps {
  directory: DeviceDirectory;
  writer: BatchWriter;
  metrics: IngestMetrics;
  log: Logger;
}

/** One received message; `messageId` is the journal's, so a replayed journal quarantines nothing twice. */
export interface IncomingMessage {
  messageId: string;
  topic: string;
  payload: Buffer;
  receivedAt: number;
  /** A broker redelivery: its quarantine row may exist already under another message id. */
  redelivered?: boolean;
}

export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/**
 * Turns one MQTT message into readings, a status change, a command's answer or a quarantine entry. It never
 * rejects: whatever can't be used is quarantined with its reason, so the stream never stops.
 */
export function createMessageHandler({ directory, writer, metrics, log }: HandlerDeps): MessageHandler {
  return async ({ messageId, topic, payload, receivedAt, redelivered = false }) => {
    metrics.received.inc();
    const topicInfo = parseTopic(topic);
    const deviceKey = topicInfo.kind === "invalid" ? (topicInfo.deviceKey ?? null) : topicInfo.deviceKey;
    let deviceId: string | null = null;
    try {
      const device =
        topicInfo.kind === "invalid" ? null : await lookupWithRetry(directory, topicInfo.deviceKey, log);
      deviceId = device?.id ?? null;
      const outcome = classifyMessage(topicInfo, device, payload, receivedAt);
      if (device && !device.disabled) {
        if (outcome.status) writer.addStatus(device, outcome.status, receivedAt);
        else if (outcome.commandAck)
          writer.addCommandAck(
            { ...outcome.commandAck, deviceId: device.id, deviceKey: device.key, receivedAt },
            device,
          );
        // Even with no usable reading, a message is a sign of life (last seen, online).
        else
          writer.addReadings(
            outcome.readings.map((r) => ({ ...r, deviceId: device.id, deviceKey: device.key })),
            device,
            receivedAt,
          );
      }
      if (outcome.rejection)
        writer.addQuarantine({
          messageId,
          topic,
          deviceKey,
          deviceId,
          ...keptPayload(payload),
          receivedAt,
          redelivered,
          ...outcome.rejection,
        });
    } catch (err) {
      log.error({ err: (err as Error).message, topic }, "message handling failed; quarantined");
      writer.addQuarantine({
        messageId,
        topic,
        deviceKey,
        deviceId,
        ...keptPayload(payload),
        receivedAt,
        redelivered,
        reason: "internal_error",
        detail: (err as Error).message,
      });
    }
  };
}

/** A database outage must hold the message (and so the broker's queue), not lose it. */
async function lookupWithRetry(directory: DeviceDirectory, key: string, log: Logger) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await directory.get(key);
    } catch (err) {
      const delay = backoffDelay(attempt);
      log.warn({ err: (err as Error).message, retryInMs: delay }, "device lookup failed, retrying");
      await sleep(delay);
    }
  }
}
