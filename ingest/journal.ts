import {
  close,
  closeSync,
  fdatasync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writevSync,
} from "node:fs";
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
 * The worker's append-only journal (docs/architecture.md, "Guarantees"). A message is written here before it is
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
  /** Records appended but not yet handed to the kernel (see `append`). */
  private unwritten: Buffer[] = [];

  private constructor(private readonly options: JournalOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.syncTimer = setInterval(() => this.sync(), options.fsyncMs);
    this.syncTimer.unref();
  }

  /**
   * Opens the journal and hands back what the last run left, to replay before taking new
   * messages: a segment at a time, so a journal filled during a long outage needs no more
   * memory than one segment.
   */
  static open(options: JournalOptions): {
    journal: Journal;
    leftovers: { segments: number; records: Iterable<JournalRecord & { release: Release }> };
  } {
    const journal = new Journal(options);
    const segments = readdirSync(options.dir)
      .filter((f) => /^\d{12}\.seg$/.test(f))
      .sort();
    // Counted against the budget at once; read (and deleted once committed) one by one.
    for (const file of segments) journal.account(file);
    journal.seq = segments.length > 0 ? Number(segments.at(-1)!.slice(0, 12)) : 0;
    journal.rotate();
    return { journal, leftovers: { segments: segments.length, records: journal.replay(segments) } };
  }

  /**
   * Takes a record into memory. It is durable — may be acknowledged — only once `writePending`
   * has run: records are written in groups, one system call for many messages.
   */
  append(record: JournalRecord): Release {
    const bytes = encodeRecord(record);
    this.unwritten.push(bytes);
    const seq = this.seq;
    this.segmentSize += bytes.length;
    this.totalBytes += bytes.length;
    this.sizes.set(seq, this.segmentSize);
    this.pending.set(seq, (this.pending.get(seq) ?? 0) + 1);
    if (this.segmentSize >= this.options.segmentBytes) this.rotate();
    return once(() => this.done(seq));
  }

  /** Hands every appended record to the kernel (a killed process keeps them). Throws on a disk error. */
  writePending(): void {
    if (this.unwritten.length === 0) return;
    const buffers = this.unwritten;
    this.unwritten = [];
    // writev takes at most IOV_MAX (1024) buffers and may write less than asked.
    for (let i = 0; i < buffers.length; i += 1024) writeAll(this.fd, buffers.slice(i, i + 1024));
    this.dirty = true;
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
    this.writePending();
    if (this.dirty) fdatasyncSync(this.fd);
    closeSync(this.fd);
    this.deleteIfDone(this.seq);
  }

  private account(file: string): void {
    const size = statSync(path.join(this.options.dir, file)).size;
    this.sizes.set(Number(file.slice(0, 12)), size);
    this.totalBytes += size;
  }

  private *replay(files: string[]): Generator<JournalRecord & { release: Release }> {
    for (const file of files) {
      const seq = Number(file.slice(0, 12));
      const { records } = decodeSegment(readFileSync(path.join(this.options.dir, file)));
      this.pending.set(seq, records.length);
      if (records.length === 0) this.deleteIfDone(seq);
      for (const record of records) yield { ...record, release: once(() => this.done(seq)) };
    }
  }

  private rotate(): void {
    if (this.fd >= 0) {
      this.writePending();
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
    while (this.budgetWaiters.length > 0 && this.totalBytes < this.options.maxBytes)
      this.budgetWaiters.shift()?.();
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

function writeAll(fd: number, buffers: Buffer[]): void {
  let left = buffers.reduce((n, b) => n + b.length, 0);
  let written = writevSync(fd, buffers);
  while (written < left) {
    // A short write: carry on from where it stopped.
    left -= written;
    const rest = Buffer.concat(buffers).subarray(-left);
    buffers = [rest];
    written = writevSync(fd, buffers);
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
