import type { LiveEvent, ReadingsEvent } from "../../domain/live/events";
import type { NumberedEvent } from "./hub";

/** At most this many events per device per second reach one client (issue #5: 10/s). */
export const COALESCE_INTERVAL_MS = 100;

type Send = (event: LiveEvent, id: number) => void;

interface DeviceState {
  lastSentAt: number;
  pending: { id: number; event: ReadingsEvent }[];
  timer?: { cancel(): void };
}

/**
 * Paces one client's stream per device: a device's readings leave together as one event at
 * most every 100 ms. A quiet device's readings go at the end of the event-loop turn it came
 * in, with the others of that turn: one commit's NOTIFY payloads arrive together, so they make
 * one event rather than one now and the rest 100 ms later. Nothing is dropped, a busy device
 * just costs the browser fewer events.
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

  push({ id, event }: NumberedEvent): void {
    this.lastId = Math.max(this.lastId, id);
    if (event.type !== "readings") {
      this.flush(event.device); // keep a device's events in order
      this.send(event, this.watermark());
      return;
    }
    const state = this.state(event.device);
    state.pending.push({ id, event });
    this.pendingIds.add(id);
    state.timer ??= later(() => this.flush(event.device), state.lastSentAt + this.intervalMs - this.now());
  }

  /** Stops the timers; whatever is still pending goes with the closing stream. */
  close(): void {
    for (const state of this.devices.values()) state.timer?.cancel();
    this.devices.clear();
  }

  private flush(device: string): void {
    const state = this.devices.get(device);
    if (!state || state.pending.length === 0) return;
    state.timer?.cancel();
    const pending = state.pending;
    for (const held of pending) this.pendingIds.delete(held.id);
    state.pending = [];
    state.timer = undefined;
    state.lastSentAt = this.now();
    // One event held: sent as it came. Several: their reading lists joined, still one event.
    const event: ReadingsEvent =
      pending.length === 1
        ? pending[0]!.event
        : { type: "readings", device, readings: pending.flatMap((held) => held.event.readings) };
    this.send(event, this.watermark());
  }

  private state(device: string): DeviceState {
    let state = this.devices.get(device);
    if (!state) this.devices.set(device, (state = { lastSentAt: -Infinity, pending: [] }));
    return state;
  }

  /**
   * Every reading waits here for a moment now, so this must not scan: events come in id order
   * (the hub numbers them as they come, a resume replays older ones first) and a Set keeps
   * insertion order, so its first id is the oldest still held.
   */
  private watermark(): number {
    const oldest = this.pendingIds.values().next();
    return oldest.done ? this.lastId : oldest.value - 1;
  }
}

/** `run` after `delayMs`; when that is now, at the end of this event-loop turn (after the I/O being handled). */
function later(run: () => void, delayMs: number): { cancel(): void } {
  if (delayMs > 0) {
    const timer = setTimeout(run, delayMs);
    return { cancel: () => clearTimeout(timer) };
  }
  const immediate = setImmediate(run);
  return { cancel: () => clearImmediate(immediate) };
}
