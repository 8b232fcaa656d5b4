import type { LiveHub, NumberedEvent } from "./hub";

export const HEARTBEAT_MS = 15_000;

/** One server-sent event, in the wire format EventSource reads. */
export function encodeSse(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface SseStreamOptions {
  hub: LiveHub;
  /** Only events this returns true for reach the client (authorisation happened before). */
  accept: (event: NumberedEvent) => boolean;
  lastEventId?: number;
  signal: AbortSignal;
  heartbeatMs?: number;
}

/** A byte stream of live events; unsubscribes from the hub when the client goes away. */
export function createSseStream({ hub, accept, lastEventId, signal, heartbeatMs = HEARTBEAT_MS }: SseStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the stream was closed under us
        }
      };
      const forward = (e: NumberedEvent) => {
        if (accept(e)) send(encodeSse(e.type, withoutId(e), e.id));
      };
      send(`retry: 2000\n: connected\n\n`);
      if (lastEventId !== undefined) hub.since(lastEventId).forEach(forward);
      const unsubscribe = hub.subscribe(forward);
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", onAbort);
        cleanup = () => {};
      };
      const onAbort = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort);
    },
    cancel() {
      cleanup();
    },
  });
}

function withoutId(event: NumberedEvent) {
  const { id: _id, ...rest } = event;
  return rest;
}
