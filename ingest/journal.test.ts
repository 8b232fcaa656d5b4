import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Journal, type JournalOptions } from "./journal";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function options(overrides: Partial<JournalOptions> = {}): JournalOptions {
  const dir = mkdtempSync(path.join(tmpdir(), "fieldwatch-journal-test-"));
  dirs.push(dir);
  return { dir, maxBytes: 1_048_576, fsyncMs: 10, segmentBytes: 1_024, ...overrides };
}

const message = (i: number) => ({
  messageId: randomUUID(),
  topic: `devices/d${i}/telemetry`,
  payload: Buffer.from(`{"v":${i}}`),
  receivedAt: 1_700_000_000_000 + i,
});
const segmentsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".seg"));

describe("the ingest journal", () => {
  it("keeps what was written (writePending) for the next run, and nothing that wasn't", () => {
    const opts = options({ segmentBytes: 1_048_576 });
    const { journal } = Journal.open(opts);
    const written = Array.from({ length: 5 }, (_, i) => message(i));
    written.forEach((m) => journal.append(m));
    journal.writePending();
    journal.append(message(999)); // appended, never written: never acknowledged either
    // A killed process: no close(), no flush.
    const next = Journal.open(opts);
    expect([...next.leftovers.records].map(({ release: _, ...r }) => r)).toEqual(written);
    next.journal.close();
  });

  it("replays many segments in order", () => {
    const opts = options();
    const { journal } = Journal.open(opts);
    const written = Array.from({ length: 50 }, (_, i) => message(i)); // ~80 bytes each: several segments
    written.forEach((m) => journal.append(m));
    journal.writePending();
    const next = Journal.open(opts);
    expect(next.leftovers.segments).toBeGreaterThan(1);
    expect([...next.leftovers.records].map(({ release: _, ...r }) => r)).toEqual(written);
    next.journal.close();
  });

  it("deletes segments once every record in them is released, and replays nothing after", () => {
    const opts = options();
    const { journal } = Journal.open(opts);
    const releases = Array.from({ length: 50 }, (_, i) => journal.append(message(i)));
    journal.writePending();
    expect(journal.bytes).toBeGreaterThan(0);
    releases.forEach((release) => release());
    expect(journal.bytes).toBe(0);
    journal.close();
    expect(segmentsIn(opts.dir)).toEqual([]);
    expect(Journal.open(opts).leftovers.segments).toBe(0);
  });

  it("releases replayed records like new ones", () => {
    const opts = options();
    const first = Journal.open(opts).journal;
    Array.from({ length: 30 }, (_, i) => first.append(message(i)));
    first.writePending();
    const { journal, leftovers } = Journal.open(opts);
    for (const record of leftovers.records) record.release();
    journal.close();
    expect(segmentsIn(opts.dir)).toEqual([]);
  });

  it("holds new messages while over its disk budget, and lets them in once commits free space", async () => {
    const { journal } = Journal.open(options({ maxBytes: 500 }));
    const releases = Array.from({ length: 20 }, (_, i) => journal.append(message(i)));
    journal.writePending();
    let admitted = false;
    const waiting = journal.waitForBudget().then(() => (admitted = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(admitted).toBe(false);
    releases.forEach((release) => release());
    await waiting;
    expect(admitted).toBe(true);
    journal.close();
  });
});
