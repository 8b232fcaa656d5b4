import mqtt from "mqtt";
import { describe, expect, inject, it } from "vitest";
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
import { withOwnBroker } from "../test/support/own-broker-suite";
import { startIngestWorker } from "./worker";

// docs/architecture.md, "Processes": several workers split the stream through an MQTT 5 shared subscription; each
// message is written by exactly one of them (counted by the workers, not hidden by ON CONFLICT).
const TOTAL = 5000;
const suite = withOwnBroker();
const { db } = suite;

describe("two ingest workers on a shared subscription", () => {
  it("write every message once between them", { timeout: 120_000 }, async (ctx) => {
    // aedes (used when Mosquitto isn't installed) has no shared subscriptions.
    if (suite.broker.kind !== "mosquitto") ctx.skip();
    const group = `it${uniqueId()}`;
    const config = () =>
      testWorkerConfig(inject("databaseUrl"), {
        url: suite.broker.url,
        protocolVersion: 5,
        sharedGroup: group,
      });
    const log = createLogger("ingest-test", "silent");
    const workers = [await startIngestWorker(config(), log), await startIngestWorker(config(), log)];
    const publisher = await mqtt.connectAsync(suite.broker.url, {
      clientId: `it-pub-${uniqueId()}`,
      protocolVersion: 5,
    });
    const device = await createTestDevice(db.sql);
    await waitUntilIngesting(db.sql, (t, p) => publisher.publishAsync(t, p, { qos: 1 }), device);
    const written = async () =>
      (await Promise.all(workers.map((w) => w.metrics.written.get()))).map((m) => m.values[0]?.value ?? 0);
    // Let stray subscription probes land, so the counters below only see the 5,000 messages.
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all(workers.map((w) => w.writer.flush()));
    const probes = async () => countReadings(db.sql, device.id, "probe");
    const probesBefore = await probes();
    const before = await written();
    const base = Date.now() - TOTAL - 60_000;
    await publishNumbered(publisher, device.key, "s", base, 0, TOTAL);
    await waitFor(
      async () => {
        return (await countReadings(db.sql, device.id, "s")) >= TOTAL ? true : undefined;
      },
      60_000,
      "every message stored",
    );
    await Promise.all(workers.map((w) => w.writer.flush()));
    const after = await written();
    const perWorker = after.map((n, i) => n - before[i]!);
    // A last subscription probe may have landed after the first count; it is a row of its own.
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(TOTAL + (await probes()) - probesBefore);
    for (const n of perWorker) expect(n).toBeGreaterThan(0);
    const duplicates = await Promise.all(
      workers.map(async (w) => (await w.metrics.duplicates.get()).values[0]?.value ?? 0),
    );
    expect(duplicates).toEqual([0, 0]);
    await publisher.endAsync();
    await Promise.all(workers.map((w) => w.stop()));
  });
});
