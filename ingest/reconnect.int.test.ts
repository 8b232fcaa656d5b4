import mqtt from "mqtt";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connectDb } from "../lib/server/db/connect";
import { startEmbeddedBroker, type RunningBroker } from "../scripts/embedded/broker";
import { freePort } from "../scripts/embedded/ports";
import { createLogger } from "../lib/server/log";
import { createTestDevice, uniqueId, waitFor } from "../test/support/fixtures";
import { testWorkerConfig } from "../test/support/ingest-config";
import { startIngestWorker } from "./worker";

// The broker goes away and comes back: the worker reconnects and resubscribes by itself.
// Uses a broker of its own (embedded, on a port it owns) so it can stop and restart it.
const db = connectDb(inject("databaseUrl"));
let broker: RunningBroker | undefined;
afterAll(async () => {
  await broker?.stop();
  await db.close();
});

describe("ingest worker when the broker restarts", () => {
  it("reconnects, resubscribes and keeps writing", async () => {
    const port = await freePort();
    broker = await startEmbeddedBroker(port);
    const device = await createTestDevice(db.sql);
    const worker = await startIngestWorker(
      testWorkerConfig(inject("databaseUrl"), { url: broker.url, protocolVersion: 4, sharedGroup: "" }),
      createLogger("ingest-test", "silent"),
    );
    const stored = (metric: string) => async () =>
      (
        await db.sql`select 1 from series where device_id = ${device.id} and metric = ${metric} and latest_ts is not null`
      ).length > 0
        ? true
        : undefined;
    const publishUntilStored = async (metric: string) => {
      const client = await mqtt.connectAsync(broker!.url, {
        clientId: `it-pub-${uniqueId()}`,
        reconnectPeriod: 0,
      });
      try {
        await waitFor(
          async () => {
            await client.publishAsync(`devices/${device.key}/telemetry/${metric}`, "1", { qos: 1 });
            return stored(metric)();
          },
          30_000,
          `${metric} to be stored`,
        );
      } finally {
        await client.endAsync();
      }
    };
    try {
      await publishUntilStored("before");
      await broker.stop();
      await expect(
        mqtt.connectAsync(broker.url, { reconnectPeriod: 0, connectTimeout: 1000 }),
      ).rejects.toThrow();
      broker = await startEmbeddedBroker(port);
      await publishUntilStored("after");
      expect(await stored("after")()).toBe(true);
    } finally {
      await worker.stop();
    }
  });
});
