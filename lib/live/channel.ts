import type { CommandStatus } from "../commands/protocol";

/** The PostgreSQL NOTIFY channel that carries committed readings, status changes and command outcomes to web processes. */
export const LIVE_CHANNEL = "fieldwatch_live";

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of it. */
const MAX_PAYLOAD_CHARS = 7000;

export type LiveEvent =
  | { type: "reading"; device: string; metric: string; ts: number; value: number }
  | { type: "status"; device: string; status: "online" | "offline"; ts: number }
  /** A command sent, acknowledged or failed (timing out is computed when read: no event). */
  // `commandId`, not `id`: the hub numbers events with `id` (the SSE event id).
  | { type: "command"; device: string; commandId: string; status: CommandStatus; ts: number }
  /** An alert fired or resolved on the device (lib/db/queries/alert-evaluation.ts). */
  | { type: "alert"; device: string; alertId: string; ruleId: string; state: "firing" | "resolved"; severity: "info" | "warning" | "critical"; ts: number; value: number };

/** A `reading` event already as JSON, for the ingest hot path (built by `readingEvent`). */
export type EncodedEvent = string & { readonly encoded: unique symbol };

/**
 * A committed reading as event JSON, without JSON.stringify (a batch has thousands): device keys
 * and metric names need no escaping (their patterns, lib/telemetry/topic.ts), numbers are finite.
 */
export function readingEvent(r: { deviceKey: string; metric: string; ts: number; value: number }): EncodedEvent {
  return `{"type":"reading","device":"${r.deviceKey}","metric":"${r.metric}","ts":${r.ts},"value":${r.value}}` as EncodedEvent;
}

/** Packs events into as few NOTIFY payloads as fit (each a JSON array of events). */
export function encodeLivePayloads(events: (LiveEvent | EncodedEvent)[]): string[] {
  const payloads: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const event of events) {
    const json = typeof event === "string" ? event : JSON.stringify(event);
    if (parts.length > 0 && size + json.length + 1 > MAX_PAYLOAD_CHARS) {
      payloads.push(`[${parts.join(",")}]`);
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += json.length + 1;
  }
  if (parts.length > 0) payloads.push(`[${parts.join(",")}]`);
  return payloads;
}

export function decodeLivePayload(payload: string): LiveEvent[] {
  try {
    const parsed: unknown = JSON.parse(payload);
    return Array.isArray(parsed) ? (parsed as LiveEvent[]) : [];
  } catch {
    return [];
  }
}
