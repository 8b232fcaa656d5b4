import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mqtt from "mqtt";
import { afterAll, describe, expect, it } from "vitest";
import { connectDb } from "../lib/server/db/connect";
import { applyMigrations } from "../lib/server/db/migrate";
import { freePort } from "../scripts/embedded/ports";
import { startEmbeddedPostgres, type RunningPg } from "../scripts/embedded/postgres";
import { createLogger } from "../lib/server/log";
import {
  countReadings,
  createTestDevice,
  uniqueId,
  waitFor,
  waitUntilIngesting,
} from "../test/support/fixtures";
import { testWorkerConfig } from "../test/support/ingest-config";
import { publishNumbered } from "../test/support/publish";
import { startOwnBroker } from "../test/support/own-broker";
import { startIngestWorker } from "./worker";

// "Back-pressure, not crashes" (docs/architecture.md, "Guarantees"): PostgreSQL stops for 20 s mid-stream. The worker keeps
// going (journal, then holding acks), reconnects, and nothing is lost. Owns its PostgreSQL.
const TOTAL = 3000;
const dataDir = mkdtempSync(path.join(tmpdir(), "fieldwatch-outage-pg-"));
let pg: RunningPg | undefined;
afterAll(async () => {
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("PostgreSQL outage", () => {
  it("loses nothing and the worker never exits", { timeout: 180_000 }, async () => {
    const port = await freePort();
    pg = await startEmbeddedPostgres({ dataDir, port });
    await applyMigrations(pg.url);
    const db = connectDb(pg.url, { max: 2 });
    const broker = await startOwnBroker();
    const worker = await startIngestWorker(
      testWorkerConfig(pg.url, { url: broker.url, protocolVersion: broker.protocolVersion, sharedGroup: "" }),
      createLogger("ingest-test", "silent"),
    );
    const publisher = await mqtt.connectAsync(broker.url, {
      clientId: `it-pub-${uniqueId()}`,
      protocolVersion: broker.protocolVersion,
    });
    const device = await createTestDevice(db.sql);
    await waitUntilIngesting(db.sql, (t, p) => publisher.publishAsync(t, p, { qos: 1 }), device);

    const base = Date.now() - TOTAL - 60_000;
    const publish = (from: number, to: number) => publishNumbered(publisher, device.key, "o", base, from, to);
    await publish(0, 1000);
    await pg.stop();
    const outage = publish(1000, 2000); // acks may wait: that is the back-pressure
    await new Promise((r) => setTimeout(r, 20_000));
    pg = await startEmbeddedPostgres({ dataDir, port });
    await outage;
    await publish(2000, TOTAL);
    const count = async () => {
      try {
        return countReadings(db.sql, device.id, "o");
      } catch {
        return 0; // our own pool is reconnecting too
      }
    };
    await waitFor(async () => ((await count()) >= TOTAL ? true : undefined), 90_000, "every message stored");
    expect(await count()).toBe(TOTAL);
    await publisher.endAsync();
    await worker.stop();
    await broker.stop();
    await db.close();
  });
});
