import type { Logger } from "pino";
import { backoffDelay, sleep } from "../lib/domain/backoff";
import type { Sql } from "../lib/server/db/connect";
import type { QuarantineItem, SeriesCache } from "../lib/server/db/queries/batch-writes";
import type { CommandAck } from "../lib/server/db/queries/commands";
import type { ConnectivitySignal } from "../lib/server/db/queries/connectivity";
import { writeBatch, type BatchInput } from "../lib/server/telemetry/write-batch";
import type { DeviceReading } from "../lib/domain/telemetry/types";
import { EMPTY_RULES, type DeviceScope, type RuleSet } from "../lib/domain/alerts/rule-set";
import type { IngestMetrics } from "./metrics";

export interface WriterOptions {
  batchSize: number;
  flushMs: number;
  /** Above this many pending items the message handler waits, so the broker holds the rest. */
  maxPending: number;
  /** Transactions a batch is split into (by device), committed at the same time. */
  parallelCommits: number;
}

/** A batch, and how many status messages it took (they add no rows, but count as pending work). */
type Batch = BatchInput & {
  statusMessages: number;
  commandAcks: CommandAck[];
  scopes: Map<string, DeviceScope>;
};

const emptyBatch = (): Batch => ({
  readings: [],
  quarantine: [],
  seen: new Map(),
  connectivity: new Map(),
  commandAcks: [],
  statusMessages: 0,
  scopes: new Map(),
});

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
  /** When the batch being collected got its first item (null: empty). */
  private batchOpenedAt: number | null = null;
  private roomWaiters: (() => void)[] = [];
  private readonly seriesCache: SeriesCache = new Map();
  dbHealthy = true;
  /** The alert rules readings are evaluated against as they are committed (kept fresh by the worker). */
  alertRules: RuleSet = EMPTY_RULES;

  constructor(
    private readonly sql: Sql,
    private readonly metrics: IngestMetrics,
    private readonly log: Logger,
    private readonly options: WriterOptions,
  ) {}

  addReadings(
    readings: DeviceReading[],
    device: { id: string; key: string; siteId?: string; typeId?: string | null },
    receivedAt: number,
  ): void {
    this.batch.readings.push(...readings);
    if (device.siteId)
      this.batch.scopes.set(device.id, { siteId: device.siteId, typeId: device.typeId ?? null });
    this.signal(device, "online", receivedAt);
    this.grew(readings.length);
  }

  addQuarantine(item: QuarantineItem): void {
    this.batch.quarantine.push(item);
    this.grew(1);
  }

  /** What the device said on devices/{key}/status (or its Last Will). */
  addStatus(device: { id: string; key: string }, state: ConnectivitySignal["state"], at: number): void {
    this.signal(device, state, at);
    this.batch.statusMessages += 1;
    this.grew(1);
  }

  /**
   * A device's answer to a command. Through the batch rather than written on the spot: acks are
   * rare, and this way a database outage holds them in the journal like readings, not the stream.
   */
  addCommandAck(ack: CommandAck, device: { id: string; key: string }): void {
    this.batch.commandAcks.push(ack);
    this.signal(device, "online", ack.receivedAt);
    this.grew(1);
  }

  /** Last seen, and the newest connectivity signal (later in the batch wins a tie). */
  private signal(device: { id: string; key: string }, state: ConnectivitySignal["state"], at: number): void {
    this.batch.seen.set(device.id, Math.max(this.batch.seen.get(device.id) ?? 0, at));
    const previous = this.batch.connectivity.get(device.id);
    if (!previous || previous.at <= at)
      this.batch.connectivity.set(device.id, { deviceKey: device.key, state, at });
  }

  /** `release` runs once everything added so far is committed (the journal then drops the message). */
  hold(release: () => void): void {
    this.releases.push(release);
    this.scheduleFlush();
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
    this.scheduleFlush();
  }

  /**
   * A batch leaves when full, or `flushMs` after its first item came, whichever is first. While
   * a commit is in flight nothing is scheduled: its end starts the next batch, at once if that
   * batch's time is up (a message's wait is counted from its batch's start, not restarted
   * behind a slow commit).
   */
  private scheduleFlush(): void {
    if (this.size(this.batch) === 0 && this.releases.length === 0) return;
    this.batchOpenedAt ??= Date.now();
    if (this.inFlight) return;
    if (this.size(this.batch) >= this.options.batchSize) return this.startFlush();
    this.timer ??= setTimeout(
      () => this.startFlush(),
      Math.max(0, this.batchOpenedAt + this.options.flushMs - Date.now()),
    );
  }

  private size(batch: Batch): number {
    return batch.readings.length + batch.quarantine.length + batch.commandAcks.length + batch.statusMessages;
  }

  private startFlush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight || (this.size(this.batch) === 0 && this.releases.length === 0)) return;
    const batch = this.batch;
    const releases = this.releases;
    this.batch = emptyBatch();
    this.releases = [];
    this.batchOpenedAt = null;
    this.inFlight = this.commitWithRetry(batch).finally(() => {
      releases.forEach((release) => release());
      this.inFlight = null;
      this.pendingCount -= this.size(batch);
      this.metrics.pending.set(this.pendingCount);
      this.releaseWaiters();
      this.scheduleFlush();
    });
  }

  /**
   * Commits a batch as `parallelCommits` transactions on their own connections, split by device:
   * no two of them touch the same series, rollup or device rows, so they never wait on each
   * other's locks. The batch counts as committed once all of them are.
   */
  private async commitWithRetry(batch: Batch): Promise<void> {
    // Only journal releases: their rows went in an earlier batch.
    if (this.size(batch) === 0 && batch.seen.size === 0) return;
    const alerts = { rules: this.alertRules, scopes: batch.scopes };
    await Promise.all(
      splitByDevice(batch, this.options.parallelCommits).map((part) =>
        this.commitPartWithRetry({ ...part, alerts }),
      ),
    );
    this.metrics.batchSize.observe(batch.readings.length);
  }

  private async commitPartWithRetry(part: BatchInput): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const end = this.metrics.commitSeconds.startTimer();
      try {
        const result = await writeBatch(this.sql, part, this.seriesCache);
        end();
        this.markDb(true);
        this.metrics.written.inc(result.inserted);
        this.metrics.duplicates.inc(result.duplicates);
        for (const q of part.quarantine) this.metrics.quarantined.inc({ reason: q.reason });
        return;
      } catch (err) {
        this.markDb(false);
        // A series id cached before its device was deleted must not outlive it: start clean.
        this.seriesCache.clear();
        const delay = backoffDelay(attempt);
        this.log.warn(
          { err: (err as Error).message, attempt, retryInMs: delay },
          "batch commit failed, retrying",
        );
        await sleep(delay);
      }
    }
  }

  private markDb(healthy: boolean): void {
    this.dbHealthy = healthy;
    this.metrics.connected.set({ service: "postgres" }, healthy ? 1 : 0);
  }

  private releaseWaiters(): void {
    while (this.roomWaiters.length > 0 && this.pendingCount < this.options.maxPending)
      this.roomWaiters.shift()?.();
  }
}

/** `n` batches with the devices spread over them; quarantine rows go with the first. */
function splitByDevice(batch: BatchInput, n: number): BatchInput[] {
  if (n <= 1) return [batch];
  const parts = Array.from({ length: n }, (_, i): BatchInput => ({
    readings: [],
    quarantine: i === 0 ? batch.quarantine : [],
    seen: new Map(),
    connectivity: new Map(),
    commandAcks: [],
  }));
  const partOf = (deviceId: string) => parts[Number.parseInt(deviceId.slice(0, 8), 16) % n]!;
  for (const r of batch.readings) partOf(r.deviceId).readings.push(r);
  for (const a of batch.commandAcks ?? []) partOf(a.deviceId).commandAcks!.push(a);
  for (const [id, at] of batch.seen) partOf(id).seen.set(id, at);
  for (const [id, signal] of batch.connectivity) partOf(id).connectivity.set(id, signal);
  return parts.filter(
    (p, i) => i === 0 || p.readings.length > 0 || p.seen.size > 0 || p.commandAcks!.length > 0,
  );
}
