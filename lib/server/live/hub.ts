import type { Sql } from "../db/connect";
import type { LiveEvent } from "../../domain/live/events";
import { decodeLivePayload, LIVE_CHANNEL } from "./channel";
import { RateMeter } from "./rate-meter";

/** An event and its place in this process's stream (the SSE event id a client resumes from). */
export interface NumberedEvent {
  id: number;
  event: LiveEvent;
}
type Listener = (event: LiveEvent, id: number) => void;

const BUFFER_SIZE = 2000;

/**
 * One LISTEN connection per process, fanned out in memory to every open stream. Streams listen
 * to a set of devices, so an event costs one lookup, not one call per open stream. Recent
 * events stay in a ring buffer so a reconnecting client can resume from its Last-Event-ID.
 */
export class LiveHub {
  /** Listeners by device key. */
  private readonly byDevice = new Map<string, Set<Listener>>();
  /** Listeners to every device (tests, tools). */
  private readonly everything = new Set<Listener>();
  private count = 0;
  /** Ring buffer: event `id` sits at `id % BUFFER_SIZE` (ids are consecutive). */
  private readonly recent: NumberedEvent[] = new Array(BUFFER_SIZE);
  private nextId = 1;
  /** Readings per second arriving now, fleet-wide: every web process hears them all. */
  private rate: RateMeter | null = null;
  readonly ready: Promise<void>;

  constructor(sql: Sql) {
    this.ready = sql
      .listen(LIVE_CHANNEL, (payload) => this.publish(decodeLivePayload(payload)))
      .then(() => {
        this.rate = new RateMeter(Date.now());
      });
  }

  publish(events: LiveEvent[]): void {
    this.rate?.count(events.reduce((n, e) => n + (e.type === "readings" ? e.readings.length : 0), 0));
    for (const event of events) {
      const numbered = { id: this.nextId++, event };
      this.recent[numbered.id % BUFFER_SIZE] = numbered;
      const forDevice = this.byDevice.get(event.device);
      if (forDevice) for (const listener of forDevice) listener(event, numbered.id);
      for (const listener of this.everything) listener(event, numbered.id);
    }
  }

  /** Calls `listener` for each event of the given devices (of every device without a set); returns the unsubscribe. */
  subscribe(listener: Listener, devices?: ReadonlySet<string>): () => void {
    this.count += 1;
    if (!devices) this.everything.add(listener);
    else
      for (const device of devices) {
        let set = this.byDevice.get(device);
        if (!set) this.byDevice.set(device, (set = new Set()));
        set.add(listener);
      }
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.count -= 1;
      if (!devices) this.everything.delete(listener);
      else
        for (const device of devices) {
          const set = this.byDevice.get(device);
          set?.delete(listener);
          if (set?.size === 0) this.byDevice.delete(device);
        }
    };
  }

  /** Events after `lastId` still in the buffer (all of them if the id is older than the buffer). */
  since(lastId: number): NumberedEvent[] {
    const events: NumberedEvent[] = [];
    for (let id = Math.max(lastId + 1, this.nextId - BUFFER_SIZE, 1); id < this.nextId; id++)
      events.push(this.recent[id % BUFFER_SIZE]!);
    return events;
  }

  /** Readings committed per second lately (see RateMeter); null until that can be known. */
  readingsPerSecond(): number | null {
    return this.rate?.perSecond() ?? null;
  }

  get listenerCount(): number {
    return this.count;
  }
}

const holder = globalThis as unknown as { fieldwatchLiveHub?: LiveHub };

export function getLiveHub(sql: Sql): LiveHub {
  holder.fieldwatchLiveHub ??= new LiveHub(sql);
  return holder.fieldwatchLiveHub;
}
