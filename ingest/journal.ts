import { close, closeSync, fdatasync, fdatasyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { decodeSegment, encodeRecord, type JournalRecord } from "./journal-format";

export interface JournalOptions {
  dir: string;
  /** Above this many bytes on disk, new messages wait (unacknowledged) until commits free space. */
  maxBytes: number;
  /** fdatasync period: bounds what a power cut (not a process crash) could take. */
  fsyncMs: number;
  /** A segment is closed at this size so committed ones can be deleted. */
  segmentBytes: number;
}

/** Call once the record's data is committed in PostgreSQL. */
export type Release = () => void;

/**
 * The worker's append-only journal (DESIGN §3). A message is written here before it is
 * acknowledged, so a killed worker loses nothing: on start the segments are replayed (rows are
 * idempotent). A segment is deleted once every record in it is committed.
 */
export class Journal {
  private fd = -1;
  private seq = 0;
  private segmentSize = 0;
  private readonly pending = new Map<number, number>(); // segment → records not yet committed
  private readonly sizes = new Map<number, number>();
  private totalBytes = 0;
  private dirty = false;
  private syncing = false;
  private readonly syncTimer: NodeJS.Timeout;
  private budgetWaiters: (() => void)[] = [];

  private constructor(private readonly options: JournalOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.syncTimer = setInterval(() => this.sync(), options.fsyncMs);
    this.syncTimer.unref();
  }

  /** Opens the journal and hands back what the last run left, to replay before taking new messages. */
  static open(options: JournalOptions): { journal: Journal; leftovers: (JournalRecord & { release: Release })[] } {
    const journal = new Journal(options);
    const segments = readdirSync(options.dir).filter((f) => /^\d{12}\.seg$/.test(f)).sort();
    const leftovers = segments.flatMap((file) => journal.adopt(file));
    journal.seq = segments.length > 0 ? Number(segments.at(-1)!.slice(0, 12)) : 0;
    journal.rotate();
    return { journal, leftovers };
  }

  /** Writes a record (into the kernel: it survives the process); the caller may then acknowledge. */
  append(record: JournalRecord): Release {
    const bytes = encodeRecord(record);
    writeSync(this.fd, bytes);
    this.dirty = true;
    const seq = this.seq;
    this.segmentSize += bytes.length;
    this.totalBytes += bytes.length;
    this.sizes.set(seq, this.segmentSize);
    this.pending.set(seq, (this.pending.get(seq) ?? 0) + 1);
    if (this.segmentSize >= this.options.segmentBytes) this.rotate();
    return once(() => this.done(seq));
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** Resolves while the journal is within its disk budget. */
  waitForBudget(): Promise<void> {
    if (this.totalBytes < this.options.maxBytes) return Promise.resolve();
    return new Promise((resolve) => this.budgetWaiters.push(resolve));
  }

  close(): void {
    clearInterval(this.syncTimer);
    if (this.dirty) fdatasyncSync(this.fd);
    closeSync(this.fd);
    this.deleteIfDone(this.seq);
  }

  private adopt(file: string): (JournalRecord & { release: Release })[] {
    const seq = Number(file.slice(0, 12));
    const full = path.join(this.options.dir, file);
    const { records } = decodeSegment(readFileSync(full));
    const size = statSync(full).size;
    this.sizes.set(seq, size);
    this.totalBytes += size;
    this.pending.set(seq, records.length);
    if (records.length === 0) this.deleteIfDone(seq);
    return records.map((r) => ({ ...r, release: once(() => this.done(seq)) }));
  }

  private rotate(): void {
    if (this.fd >= 0) {
      // Synced and closed off the event loop: a slow disk must not pause the stream.
      const old = this.fd;
      fdatasync(old, () => close(old, () => {}));
      this.deleteIfDone(this.seq);
    }
    this.seq += 1;
    this.segmentSize = 0;
    this.fd = openSync(this.file(this.seq), "a");
  }

  private done(seq: number): void {
    this.pending.set(seq, (this.pending.get(seq) ?? 1) - 1);
    if (seq !== this.seq) this.deleteIfDone(seq);
    // All caught up: start a new segment so this one (and replay after a crash) stays small.
    else if (this.pending.get(seq) === 0 && this.segmentSize > 0) this.rotate();
  }

  private deleteIfDone(seq: number): void {
    if ((this.pending.get(seq) ?? 0) > 0) return;
    try {
      unlinkSync(this.file(seq));
    } catch {
      // already gone
    }
    this.totalBytes -= this.sizes.get(seq) ?? 0;
    this.sizes.delete(seq);
    this.pending.delete(seq);
    while (this.budgetWaiters.length > 0 && this.totalBytes < this.options.maxBytes) this.budgetWaiters.shift()?.();
  }

  /** The periodic fdatasync, in libuv's thread pool: acknowledgements never wait for the disk. */
  private sync(): void {
    if (!this.dirty || this.syncing || this.fd < 0) return;
    this.dirty = false;
    this.syncing = true;
    fdatasync(this.fd, (err) => {
      this.syncing = false;
      if (err) this.dirty = true; // the segment was rotated and closed meanwhile, or try again
    });
  }

  private file(seq: number): string {
    return path.join(this.options.dir, `${String(seq).padStart(12, "0")}.seg`);
  }
}

function once(fn: () => void): Release {
  let called = false;
  return () => {
    if (!called) {
      called = true;
      fn();
    }
  };
}
