import type { NumberedEvent } from "./hub";

/** At most this many events per device per second reach one client (issue #5: 10/s). */
export const COALESCE_INTERVAL_MS = 100;

export type ReadingsBatch = { type: "readings"; device: string; readings: { metric: string; ts: number; value: number }[] };
type Send = (event: NumberedEvent["type"] | "readings", data: NumberedEvent | ReadingsBatch, id: number) => void;

interface DeviceState {
  lastSentAt: number;
  pending: Extract<NumberedEvent, { type: "reading" }>[];
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Paces one client's stream per device: a reading goes out at once unless the device sent one
 * in the last 100 ms; then readings wait and leave together as one `readings` event. Nothing
 * is dropped, a busy device just costs the browser fewer events.
 *
 * Event ids are a watermark: every event up to the id has been sent. A client resuming from it
 * (Last-Event-ID) may see a reading twice, never miss one held back for another device.
 */
export class DeviceCoalescer {
  private readonly devices = new Map<string, DeviceState>();
  private readonly pendingIds = new Set<number>();
  private lastId = 0;

  constructor(
    private readonly send: Send,
    private readonly intervalMs = COALESCE_INTERVAL_MS,
    private readonly now = Date.now,
  ) {}

  push(event: NumberedEvent): void {
    this.lastId = Math.max(this.lastId, event.id);
    if (event.type !== "reading") {
      this.flush(event.device); // keep a device's events in order
      this.send(event.type, event, this.watermark());
      return;
    }
    const state = this.state(event.device);
    const now = this.now();
    if (state.pending.length === 0 && now - state.lastSentAt >= this.intervalMs) {
      state.lastSentAt = now;
      this.send("reading", event, this.watermark());
      return;
    }
    state.pending.push(event);
    this.pendingIds.add(event.id);
    state.timer ??= setTimeout(() => this.flush(event.device), Math.max(0, state.lastSentAt + this.intervalMs - now));
  }

  /** Stops the timers; whatever is still pending goes with the closing stream. */
  close(): void {
    for (const state of this.devices.values()) clearTimeout(state.timer);
    this.devices.clear();
  }

  private flush(device: string): void {
    const state = this.devices.get(device);
    if (!state || state.pending.length === 0) return;
    clearTimeout(state.timer);
    const batch: ReadingsBatch = { type: "readings", device, readings: state.pending.map(({ metric, ts, value }) => ({ metric, ts, value })) };
    for (const e of state.pending) this.pendingIds.delete(e.id);
    state.pending = [];
    state.timer = undefined;
    state.lastSentAt = this.now();
    this.send("readings", batch, this.watermark());
  }

  private state(device: string): DeviceState {
    let state = this.devices.get(device);
    if (!state) this.devices.set(device, (state = { lastSentAt: -Infinity, pending: [] }));
    return state;
  }

  private watermark(): number {
    return this.pendingIds.size === 0 ? this.lastId : Math.min(...this.pendingIds) - 1;
  }
}
