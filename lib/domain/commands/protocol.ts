/**
 * The command contract between Fieldwatch and a device (README "Commands"): the app publishes
 * `{"id", ...command}` on devices/{key}/commands, the device answers `{"id", ...anything}` on
 * devices/{key}/commands/ack. Pure: shared by the web app, the ingest worker and the simulator.
 */

import { isUuid } from "../ids";

export const commandTopic = (deviceKey: string) => `devices/${deviceKey}/commands`;
export const commandAckTopic = (deviceKey: string) => `devices/${deviceKey}/commands/ack`;

/**
 * sent → acknowledged (the device answered) | timed_out (no answer in time; a late answer
 * still acknowledges it) | failed (the broker never took it, so the device can't have it).
 */
export const COMMAND_STATUSES = ["sent", "acknowledged", "timed_out", "failed"] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/** How long a device has to answer before its command shows as timed out. */
export const COMMAND_ACK_TIMEOUT_MS = 30_000;

/** Commands and answers are small control messages, not data: 16 KiB each at most. */
export const COMMAND_MAX_BYTES = 16 * 1024;

export type ParsedAck =
  | { ok: true; id: string; response: Record<string, unknown> }
  | { ok: false; reason: "malformed" | "too_large"; detail: string };

/** A device's answer: a JSON object naming the command's id; the rest is kept as its response. */
export function parseCommandAck(payload: Buffer): ParsedAck {
  if (payload.length > COMMAND_MAX_BYTES)
    return {
      ok: false,
      reason: "too_large",
      detail: `a command answer may be at most ${COMMAND_MAX_BYTES} bytes`,
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed", detail: "a command answer must be JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: "malformed", detail: "a command answer must be a JSON object" };
  const { id, ...response } = parsed as Record<string, unknown>;
  if (typeof id !== "string" || !isUuid(id))
    return { ok: false, reason: "malformed", detail: 'a command answer needs the command\'s "id"' };
  return { ok: true, id: id.toLowerCase(), response };
}
