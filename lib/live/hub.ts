import type { Sql } from "../db/connect";
import { decodeLivePayload, LIVE_CHANNEL, type LiveEvent } from "./channel";

export type NumberedEvent = LiveEvent & { id: number };
type Listener = (event: NumberedEvent) => void;

const BUFFER_SIZE = 2000;

/**
 * One LISTEN connection per process, fanned out in memory to every open stream. Recent events
 * stay in a ring buffer so a reconnecting client can resume from its Last-Event-ID.
 */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly recent: NumberedEvent[] = [];
  private nextId = 1;
  readonly ready: Promise<void>;

  constructor(sql: Sql) {
    this.ready = sql.listen(LIVE_CHANNEL, (payload) => this.publish(decodeLivePayload(payload))).then(() => undefined);
  }

  publish(events: LiveEvent[]): void {
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

  get listenerCount(): number {
    return this.listeners.size;
  }
}

const holder = globalThis as unknown as { fieldwatchLiveHub?: LiveHub };

export function getLiveHub(sql: Sql): LiveHub {
  holder.fieldwatchLiveHub ??= new LiveHub(sql);
  return holder.fieldwatchLiveHub;
}
