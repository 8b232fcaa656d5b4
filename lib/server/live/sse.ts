import { DeviceCoalescer } from "./coalesce";
import type { LiveHub } from "./hub";

export const HEARTBEAT_MS = 15_000;

/** One server-sent event, in the wire format EventSource reads. */
export function encodeSse(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface SseStreamOptions {
  hub: LiveHub;
  /** The devices whose events reach the client: what it asked for and may see (checked before). */
  devices: ReadonlySet<string>;
  lastEventId?: number;
  signal: AbortSignal;
  heartbeatMs?: number;
  /** Runs once when the stream ends, however it ends. */
  onClose?: () => void;
  /**
   * Asked at every heartbeat: false (the person was disabled, or their sessions were ended) closes
   * the stream, and the client's reconnect then meets 401.
   */
  stillAllowed?: () => Promise<boolean>;
}

/**
 * A byte stream of live events, paced per device (DeviceCoalescer); unsubscribes from the hub
 * and stops its timers when the client goes away.
 */
export function createSseStream({
  hub,
  devices,
  lastEventId,
  signal,
  heartbeatMs = HEARTBEAT_MS,
  onClose,
  stillAllowed,
}: SseStreamOptions): ReadableStream<Uint8Array> {
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
      const coalescer = new DeviceCoalescer((event, id) => send(encodeSse(event.type, event, id)));
      send(`retry: 2000\n: connected\n\n`);
      if (lastEventId !== undefined)
        hub
          .since(lastEventId)
          .filter((e) => devices.has(e.event.device))
          .forEach((numbered) => coalescer.push(numbered));
      const unsubscribe = hub.subscribe((event, id) => coalescer.push({ id, event }), devices);
      const heartbeat = setInterval(() => {
        send(`: heartbeat ${Date.now()}\n\n`);
        void stillAllowed?.().then((ok) => ok || onAbort(), onAbort);
      }, heartbeatMs);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        coalescer.close();
        onClose?.();
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
