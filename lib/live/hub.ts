import type { Sql } from "../db/connect";
import { decodeLivePayload, LIVE_CHANNEL, type LiveEvent } from "./channel";
import { RateMeter } from "./rate-meter";

export type NumberedEvent = LiveEvent & { id: number };
type Listener = (event: NumberedEvent) => void;

const BUFFER_SIZE = 2000;

/**
 * One LISTEN connection per process, fanned out in memory to every open stream. Recent events
 * stay in a ring buffer so a reconnecting client can resume from its Last-Event-ID.
 */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  /** Ring buffer: event `id` sits at `id % BUFFER_SIZE` (ids are consecutive). */
  private readonly recent: NumberedEvent[] = new Array(BUFFER_SIZE);
  private nextId = 1;
  /** Readings per second arriving now, fleet-wide: every web process hears them all. */
  private rate: RateMeter | null = null;
  readonly ready: Promise<void>;

  constructor(sql: Sql) {
    this.ready = sql.listen(LIVE_CHANNEL, (payload) => this.publish(decodeLivePayload(payload))).then(() => {
      this.rate = new RateMeter(Date.now());
    });
  }

  publish(events: LiveEvent[]): void {
    this.rate?.count(events.reduce((n, e) => n + (e.type === "reading" ? 1 : 0), 0));
    for (const event of events) {
      const numbered = { ...event, id: this.nextId++ };
      this.recent[numbered.id % BUFFER_SIZE] = numbered;
      for (const listener of this.listeners) listener(numbered);
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `lastId` still in the buffer (all of them if the id is older than the buffer). */
  since(lastId: number): NumberedEvent[] {
    const events: NumberedEvent[] = [];
    for (let id = Math.max(lastId + 1, this.nextId - BUFFER_SIZE, 1); id < this.nextId; id++) events.push(this.recent[id % BUFFER_SIZE]!);
    return events;
  }

  /** Readings committed per second lately (see RateMeter); null until that can be known. */
  readingsPerSecond(): number | null {
    return this.rate?.perSecond() ?? null;
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
