import { parseCommandAck } from "../commands/protocol";
import type { DeviceInfo } from "../devices/types";
import { parsePayload } from "./payload";
import type { ParsedTopic } from "./topic";
import type { Reading, RejectReason } from "./types";
import { checkRanges } from "./validate";

export interface Rejection {
  reason: RejectReason;
  detail: string;
}

/**
 * What one message amounts to. Readings and a rejection can come together: the in-range
 * readings of a message are written, the message is quarantined for the rest.
 */
export interface MessageOutcome {
  readings: Reading[];
  status?: "online" | "offline";
  /** A device's answer to one of its commands (devices/{key}/commands/ack). */
  commandAck?: { id: string; response: Record<string, unknown> };
  rejection?: Rejection;
}

/**
 * The one decision the ingest worker and a replay from the app share: given the topic and the
 * device it names (null: no such device), what to store. Pure; never throws on bad input.
 */
export function classifyMessage(
  topic: ParsedTopic,
  device: DeviceInfo | null,
  payload: Buffer,
  receivedAt: number,
): MessageOutcome {
  if (topic.kind === "invalid") return rejected("bad_topic", topic.detail);
  if (!device) return rejected("unknown_device", `no device with key "${topic.deviceKey}"`);
  if (device.disabled) return rejected("disabled_device", `device "${device.key}" is disabled`);
  if (topic.kind === "status") {
    const status = payload.toString("utf8").trim().toLowerCase();
    return status === "online" || status === "offline"
      ? { readings: [], status }
      : rejected("malformed", `status must be "online" or "offline"`);
  }
  if (topic.kind === "command_ack") {
    const ack = parseCommandAck(payload);
    return ack.ok
      ? { readings: [], commandAck: { id: ack.id, response: ack.response } }
      : rejected(ack.reason, ack.detail);
  }
  const parsed = parsePayload(payload, { nowMs: receivedAt, metric: topic.metric });
  if (!parsed.ok) return rejected(parsed.reason, parsed.detail);
  const { accepted, outOfRange } = checkRanges(parsed.readings, device.metrics);
  return outOfRange.length > 0
    ? { readings: accepted, rejection: { reason: "out_of_range", detail: outOfRange.join("; ") } }
    : { readings: accepted };
}

function rejected(reason: RejectReason, detail: string): MessageOutcome {
  return { readings: [], rejection: { reason, detail } };
}
