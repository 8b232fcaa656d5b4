/** The PostgreSQL NOTIFY channel that carries committed readings and status changes to web processes. */
export const LIVE_CHANNEL = "fieldwatch_live";

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of it. */
const MAX_PAYLOAD_CHARS = 7000;

export type LiveEvent =
  | { type: "reading"; device: string; metric: string; ts: number; value: number }
  | { type: "status"; device: string; status: "online" | "offline"; ts: number };

/** Packs events into as few NOTIFY payloads as fit (each a JSON array of events). */
export function encodeLivePayloads(events: LiveEvent[]): string[] {
  const payloads: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const event of events) {
    const json = JSON.stringify(event);
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
