import type { Logger } from "pino";
import { backoffDelay, sleep } from "../lib/backoff";
import { parsePayload } from "../lib/telemetry/payload";
import { parseTopic } from "../lib/telemetry/topic";
import type { RejectReason } from "../lib/telemetry/types";
import { checkRanges } from "../lib/telemetry/validate";
import type { DeviceDirectory } from "./device-directory";
import type { IngestMetrics } from "./metrics";
import type { BatchWriter } from "./writer";

export interface HandlerDeps {
  directory: DeviceDirectory;
  writer: BatchWriter;
  metrics: IngestMetrics;
  log: Logger;
}

export type MessageHandler = (topic: string, payload: Buffer, receivedAt?: number) => Promise<void>;

/**
 * Turns one MQTT message into readings, a status change or a quarantine entry. It never
 * rejects: whatever can't be used is quarantined with its reason, so the stream never stops.
 */
export function createMessageHandler({ directory, writer, metrics, log }: HandlerDeps): MessageHandler {
  return async (topic, payload, receivedAt = Date.now()) => {
    metrics.received.inc();
    const quarantine = (reason: RejectReason, detail: string, deviceKey: string | null) =>
      writer.addQuarantine({ topic, deviceKey, payload: Buffer.from(payload), reason, detail, receivedAt });

    try {
      await route(topic, payload, receivedAt, quarantine);
    } catch (err) {
      log.error({ err: (err as Error).message, topic }, "message handling failed; quarantined");
      quarantine("internal_error", (err as Error).message, parseTopic(topic).deviceKey ?? null);
    }
    await writer.waitForRoom();
  };

  async function route(topic: string, payload: Buffer, receivedAt: number, quarantine: Quarantine) {
    const parsed = parseTopic(topic);
    if (parsed.kind === "invalid") return quarantine("bad_topic", parsed.detail, parsed.deviceKey ?? null);
    const device = await lookupWithRetry(directory, parsed.deviceKey, log);
    if (!device) quarantine("unknown_device", `no device with key "${parsed.deviceKey}"`, parsed.deviceKey);
    else if (device.disabled) quarantine("disabled_device", `device "${device.key}" is disabled`, device.key);
    else if (parsed.kind === "status") {
      const status = payload.toString("utf8").trim().toLowerCase();
      if (status === "online" || status === "offline") writer.addStatus({ deviceId: device.id, deviceKey: device.key, status, at: receivedAt });
      else quarantine("malformed", `status must be "online" or "offline"`, device.key);
    } else {
      const result = parsePayload(payload, { nowMs: receivedAt, metric: parsed.metric });
      if (!result.ok) quarantine(result.reason, result.detail, device.key);
      else {
        const { accepted, outOfRange } = checkRanges(result.readings, device.metrics);
        if (accepted.length > 0) {
          writer.addReadings(
            accepted.map((r) => ({ ...r, deviceId: device.id, deviceKey: device.key })),
            device.id,
            receivedAt,
          );
        }
        if (outOfRange.length > 0) quarantine("out_of_range", outOfRange.join("; "), device.key);
      }
    }
  }
}

type Quarantine = (reason: RejectReason, detail: string, deviceKey: string | null) => void;

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
