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

// docs/architecture.md, "Guarantees": the broker restarts mid-stream; with Mosquitto's persistence the worker's session
// and queue survive, the worker reconnects and nothing is lost. (aedes keeps sessions in memory
// only, so a restart of the embedded broker forgets them — README says so.)
const TOTAL = 4000;
const suite = withOwnBroker();
const { db } = suite;

describe("broker restart mid-stream", () => {
  it("loses nothing with a persistent broker", { timeout: 120_000 }, async (ctx) => {
    if (suite.broker.kind !== "mosquitto") ctx.skip();
    const worker = await startIngestWorker(
      testWorkerConfig(inject("databaseUrl"), { url: suite.broker.url, protocolVersion: 5, sharedGroup: "" }),
      createLogger("ingest-test", "silent"),
    );
    const publisher = await mqtt.connectAsync(suite.broker.url, {
      clientId: `it-pub-${uniqueId()}`,
      protocolVersion: 5,
      clean: false,
      reconnectPeriod: 200,
    });
    const device = await createTestDevice(db.sql);
    await waitUntilIngesting(db.sql, (t, p) => publisher.publishAsync(t, p, { qos: 1 }), device);
    const base = Date.now() - TOTAL - 60_000;
    const publish = (from: number, to: number) => publishNumbered(publisher, device.key, "b", base, from, to);
    await publish(0, TOTAL / 2);
    await suite.broker.restart();
    await publish(TOTAL / 2, TOTAL);
    const count = () => countReadings(db.sql, device.id, "b");
    await waitFor(async () => ((await count()) >= TOTAL ? true : undefined), 60_000, "every message stored");
    expect(await count()).toBe(TOTAL);
    await publisher.endAsync();
    await worker.stop();
  });
});
