import type { LiveEvent, ReadingsEvent } from "../../domain/live/events";
import type { Queryable } from "../db/connect";

/** The PostgreSQL NOTIFY channel that carries committed readings, status changes, command and alert events to web processes. */
export const LIVE_CHANNEL = "fieldwatch_live";

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of it. */
const MAX_PAYLOAD_CHARS = 7000;

/** NOTIFY is delivered only when the transaction commits: live views never show what was not stored. */
export async function notifyLive(q: Queryable, events: readonly LiveEvent[]): Promise<void> {
  const payloads = encodeLivePayloads(events);
  // As one JSON text: postgres.js would escape a text[] parameter character by character.
  if (payloads.length > 0)
    await q`select pg_notify(${LIVE_CHANNEL}, p) from jsonb_array_elements_text(${q.json(payloads)}) as p`;
}

/**
 * Packs events into as few NOTIFY payloads as fit (each a JSON array of events), each device's
 * events together and in their order: a device's events of one commit then arrive in one
 * notification, and the stream's pacing (coalesce.ts) sends them as one event instead of the
 * first few now and the rest 100 ms later. Only a device with more than a payload's worth is
 * split (its readings event into several).
 */
export function encodeLivePayloads(events: readonly LiveEvent[]): string[] {
  const byDevice = new Map<string, string[]>();
  for (const event of events) {
    const json = event.type === "readings" ? readingsJson(event) : [JSON.stringify(event)];
    const group = byDevice.get(event.device);
    if (group) group.push(...json);
    else byDevice.set(event.device, json);
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

/**
 * A readings event as JSON without JSON.stringify (a batch has thousands of readings): device
 * keys and metric names need no escaping (their patterns, lib/domain/telemetry/topic.ts) and
 * numbers are finite. More readings than a payload holds become several events, in order.
 */
function readingsJson({ device, readings }: ReadingsEvent): string[] {
  const head = `{"type":"readings","device":"${device}","readings":[`;
  const events: string[] = [];
  let items: string[] = [];
  let size = head.length + 3;
  for (const r of readings) {
    const item = `{"metric":"${r.metric}","ts":${r.ts},"value":${r.value}}`;
    if (items.length > 0 && size + item.length + 1 > MAX_PAYLOAD_CHARS - 2) {
      events.push(`${head}${items.join(",")}]}`);
      items = [];
      size = head.length + 3;
    }
    items.push(item);
    size += item.length + 1;
  }
  if (items.length > 0) events.push(`${head}${items.join(",")}]}`);
  return events;
}
