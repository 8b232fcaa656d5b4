import type { Sql } from "../db/connect";
import { decodeLivePayload, LIVE_CHANNEL, type LiveEvent } from "./channel";

export type NumberedEvent = LiveEvent & { id: number };
type Listener = (event: NumberedEvent) => void;

const BUFFER_SIZE = 2000;
/** The ingest rate is averaged over this many one-second slots. */
const RATE_WINDOW_S = 10;

/**
 * One LISTEN connection per process, fanned out in memory to every open stream. Recent events
 * stay in a ring buffer so a reconnecting client can resume from its Last-Event-ID.
 */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly recent: NumberedEvent[] = [];
  private nextId = 1;
  /** Readings per second over the last RATE_WINDOW_S seconds: [second, count] slots. */
  private readonly rateSlots: [number, number][] = [];
  readonly ready: Promise<void>;

  constructor(sql: Sql) {
    this.ready = sql.listen(LIVE_CHANNEL, (payload) => this.publish(decodeLivePayload(payload))).then(() => undefined);
  }

  publish(events: LiveEvent[]): void {
    this.countReadings(events.reduce((n, e) => n + (e.type === "reading" ? 1 : 0), 0));
    for (const event of events) {
      const numbered = { ...event, id: this.nextId++ };
      this.recent.push(numbered);
      if (this.recent.length > BUFFER_SIZE) this.recent.shift();
      for (const listener of this.listeners) listener(numbered);
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `lastId` still in the buffer (all of them if the id is older than the buffer). */
  since(lastId: number): NumberedEvent[] {
    return this.recent.filter((e) => e.id > lastId);
  }

  /** Readings committed per second, averaged over the last 10 s: every web process hears them all. */
  readingsPerSecond(now = Date.now()): number {
    const second = Math.floor(now / 1000);
    const recent = this.rateSlots.filter(([s]) => s > second - RATE_WINDOW_S && s < second);
    return recent.reduce((sum, [, n]) => sum + n, 0) / (RATE_WINDOW_S - 1);
  }

  private countReadings(n: number, now = Date.now()): void {
    if (n === 0) return;
    const second = Math.floor(now / 1000);
    const last = this.rateSlots.at(-1);
    if (last && last[0] === second) last[1] += n;
    else this.rateSlots.push([second, n]);
    while (this.rateSlots.length > 0 && this.rateSlots[0]![0] <= second - RATE_WINDOW_S) this.rateSlots.shift();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

const holder = globalThis as unknown as { fieldwatchLiveHub?: LiveHub };

export function getLiveHub(sql: Sql): LiveHub {
  holder.fieldwatchLiveHub ??= new LiveHub(sql);
  return holder.fieldwatchLiveHub;
}
