import type { CommandStatus } from "../../domain/commands/protocol";

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
  /** An alert fired or resolved on the device (lib/server/db/queries/alert-evaluation.ts). */
  | {
      type: "alert";
      device: string;
      alertId: string;
      ruleId: string;
      state: "firing" | "resolved";
      severity: "info" | "warning" | "critical";
      ts: number;
      value: number;
    };

/** An event already as JSON, for the ingest hot path (readings, built by `readingEvent`). */
export interface EncodedEvent {
  readonly device: string;
  readonly json: string;
}

/**
 * A committed reading as event JSON, without JSON.stringify (a batch has thousands): device keys
 * and metric names need no escaping (their patterns, lib/domain/telemetry/topic.ts), numbers are finite.
 */
export function readingEvent(r: {
  deviceKey: string;
  metric: string;
  ts: number;
  value: number;
}): EncodedEvent {
  return {
    device: r.deviceKey,
    json: `{"type":"reading","device":"${r.deviceKey}","metric":"${r.metric}","ts":${r.ts},"value":${r.value}}`,
  };
}

/**
 * Packs events into as few NOTIFY payloads as fit (each a JSON array of events), each device's
 * events together and in their order: a device's events of one commit then arrive in one
 * notification, and the stream's pacing (coalesce.ts) sends them as one event instead of the
 * first few now and the rest 100 ms later. Only a device with more than a payload's worth is split.
 */
export function encodeLivePayloads(events: (LiveEvent | EncodedEvent)[]): string[] {
  const byDevice = new Map<string, string[]>();
  for (const event of events) {
    const json = "json" in event ? event.json : JSON.stringify(event);
    const group = byDevice.get(event.device);
    if (group) group.push(json);
    else byDevice.set(event.device, [json]);
  }
  const payloads: string[] = [];
  let parts: string[] = [];
  let size = 2;
  const close = () => {
    if (parts.length > 0) payloads.push(`[${parts.join(",")}]`);
    parts = [];
    size = 2;
  };
  for (const group of byDevice.values()) {
    const groupSize = group.reduce((n, json) => n + json.length + 1, 0);
    if (size + groupSize > MAX_PAYLOAD_CHARS) close();
    for (const json of group) {
      if (size + json.length + 1 > MAX_PAYLOAD_CHARS) close();
      parts.push(json);
      size += json.length + 1;
    }
  }
  close();
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
