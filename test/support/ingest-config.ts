import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { IngestWorkerConfig } from "../../ingest/worker";
import { uniqueId } from "./fixtures";

/** A worker config for tests: small batches, its own client id and a fresh journal directory. */
export function testWorkerConfig(
  databaseUrl: string,
  mqtt: Omit<IngestWorkerConfig["mqtt"], "clientId"> & { clientId?: string },
): IngestWorkerConfig {
  return {
    databaseUrl,
    mqtt: { clientId: `it-ingest-${uniqueId()}`, ...mqtt },
    writer: { batchSize: 500, flushMs: 20, maxPending: 5000, parallelCommits: 2 },
    deviceCacheTtlMs: 0,
    connectivitySweepMs: 200,
    alerting: { refreshMs: 200, sweepMs: 200 },
    webhooks: { pollMs: 100, allowPrivate: true },
    journal: {
      dir: mkdtempSync(path.join(tmpdir(), "fieldwatch-journal-")),
      maxBytes: 64 * 1_048_576,
      fsyncMs: 20,
    },
  };
}
