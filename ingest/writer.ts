import type { Logger } from "pino";
import { backoffDelay, sleep } from "../lib/backoff";
import type { Sql } from "../lib/db/connect";
import { writeBatch, type BatchInput, type QuarantineItem, type SeriesReading, type StatusChange } from "../lib/db/queries/ingest";
import type { IngestMetrics } from "./metrics";

export interface WriterOptions {
  batchSize: number;
  flushMs: number;
  /** Above this many pending items the message handler waits, so the broker holds the rest. */
  maxPending: number;
}

const emptyBatch = (): BatchInput => ({ readings: [], quarantine: [], statuses: [], seen: new Map() });

/**
 * Collects what the message handler produced and commits it in batches (one transaction per
 * batch). A failed commit is retried with backoff until it succeeds — nothing is dropped.
 */
export class BatchWriter {
  private batch = emptyBatch();
  /** Journal releases of the messages in `batch`, called once it is committed. */
  private releases: (() => void)[] = [];
  private pendingCount = 0;
  private inFlight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private roomWaiters: (() => void)[] = [];
  private readonly seriesCache = new Map<string, number>();
  dbHealthy = true;

  constructor(
    private readonly sql: Sql,
    private readonly metrics: IngestMetrics,
    private readonly log: Logger,
    private readonly options: WriterOptions,
  ) {}

  addReadings(readings: SeriesReading[], deviceId: string, receivedAt: number): void {
    this.batch.readings.push(...readings);
    this.batch.seen.set(deviceId, Math.max(this.batch.seen.get(deviceId) ?? 0, receivedAt));
    this.grew(readings.length);
  }

  addQuarantine(item: QuarantineItem): void {
    this.batch.quarantine.push(item);
    this.grew(1);
  }

  addStatus(change: StatusChange): void {
    this.batch.statuses.push(change);
    this.batch.seen.set(change.deviceId, Math.max(this.batch.seen.get(change.deviceId) ?? 0, change.at));
    this.grew(1);
  }

  /** `release` runs once everything added so far is committed (the journal then drops the message). */
  hold(release: () => void): void {
    this.releases.push(release);
    this.timer ??= setTimeout(() => this.startFlush(), this.options.flushMs);
  }

  get pending(): number {
    return this.pendingCount;
  }

  /** Resolves once there is room for more; the caller holds its MQTT ack until then. */
  waitForRoom(): Promise<void> {
    if (this.pendingCount < this.options.maxPending) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Commits everything collected so far (and whatever is already being committed). */
  async flush(): Promise<void> {
    while (this.inFlight || this.size(this.batch) > 0 || this.releases.length > 0) {
      if (!this.inFlight) this.startFlush();
      await this.inFlight;
    }
  }

  private grew(n: number): void {
    this.pendingCount += n;
    this.metrics.pending.set(this.pendingCount);
    if (this.size(this.batch) >= this.options.batchSize) this.startFlush();
    else this.timer ??= setTimeout(() => this.startFlush(), this.options.flushMs);
  }

  private size(batch: BatchInput): number {
    return batch.readings.length + batch.quarantine.length + batch.statuses.length;
  }

  private startFlush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight || (this.size(this.batch) === 0 && this.releases.length === 0)) return;
    const batch = this.batch;
    const releases = this.releases;
    this.batch = emptyBatch();
    this.releases = [];
    this.inFlight = this.commitWithRetry(batch).finally(() => {
      releases.forEach((release) => release());
      this.inFlight = null;
      this.pendingCount -= this.size(batch);
      this.metrics.pending.set(this.pendingCount);
      this.releaseWaiters();
      if (this.size(this.batch) >= this.options.batchSize) this.startFlush();
      else if (this.size(this.batch) > 0 || this.releases.length > 0) this.timer ??= setTimeout(() => this.startFlush(), this.options.flushMs);
    });
  }

  private async commitWithRetry(batch: BatchInput): Promise<void> {
    if (this.size(batch) === 0) return; // only journal releases: their rows went in an earlier batch
    for (let attempt = 0; ; attempt++) {
      const end = this.metrics.commitSeconds.startTimer();
      try {
        const result = await writeBatch(this.sql, batch, this.seriesCache);
        end();
        this.markDb(true);
        this.metrics.written.inc(result.inserted);
        this.metrics.duplicates.inc(result.duplicates);
        this.metrics.batchSize.observe(batch.readings.length);
        for (const q of batch.quarantine) this.metrics.quarantined.inc({ reason: q.reason });
        return;
      } catch (err) {
        this.markDb(false);
        // A series id cached before a device was deleted would fail forever: start clean.
        this.seriesCache.clear();
        const delay = backoffDelay(attempt);
        this.log.warn({ err: (err as Error).message, attempt, retryInMs: delay }, "batch commit failed, retrying");
        await sleep(delay);
      }
    }
  }

  private markDb(healthy: boolean): void {
    this.dbHealthy = healthy;
    this.metrics.connected.set({ service: "postgres" }, healthy ? 1 : 0);
  }

  private releaseWaiters(): void {
    while (this.roomWaiters.length > 0 && this.pendingCount < this.options.maxPending) this.roomWaiters.shift()?.();
  }
}
