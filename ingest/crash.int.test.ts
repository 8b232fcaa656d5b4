import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mqtt from "mqtt";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connectDb } from "../lib/server/db/connect";
import { startEmbeddedBroker } from "../scripts/embedded/broker";
import { freePort } from "../scripts/embedded/ports";
import { countReadings, createTestDevice, uniqueId, waitFor } from "../test/support/fixtures";
import { publishNumbered } from "../test/support/publish";
import { INGEST_NODE_ARGS } from "./node-args";

// "No loss, no duplicates" (docs/architecture.md, "Guarantees"): the worker process is SIGKILLed twice while 20,000 QoS 1
// messages (and a trickle of malformed ones) stream in. The broker keeps its session queue (aedes, in memory, for as long as it
// runs — which is why this test owns its broker); the journal keeps what was acknowledged.
const TOTAL = 20_000;
const db = connectDb(inject("databaseUrl"));
const children: ChildProcess[] = [];
afterAll(async () => {
  children.forEach((c) => c.kill("SIGKILL"));
  await db.close();
});

describe("ingest worker killed mid-stream", () => {
  it("writes every message exactly once", { timeout: 180_000 }, async () => {
    const broker = await startEmbeddedBroker(await freePort());
    const device = await createTestDevice(db.sql);
    const env = {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      MQTT_URL: broker.url,
      MQTT_PROTOCOL_VERSION: "4",
      MQTT_SHARED_GROUP: "",
      INGEST_CLIENT_ID: `it-crash-${uniqueId()}`,
      INGEST_JOURNAL_DIR: mkdtempSync(path.join(tmpdir(), "fieldwatch-journal-")),
      INGEST_HTTP_PORT: String(await freePort()),
      LOG_LEVEL: "warn",
    };
    const startWorker = () => {
      const child = spawn(process.execPath, [...INGEST_NODE_ARGS, "--import", "tsx", "ingest/index.ts"], {
        env,
        stdio: "inherit",
      });
      children.push(child);
      return child;
    };
    const stored = () => countReadings(db.sql, device.id);
    let worker = startWorker();
    const publisher = await mqtt.connectAsync(broker.url, { clientId: `it-pub-${uniqueId()}` });
    // The worker's persistent session must exist before publishing, or the broker has no one to queue for.
    await waitFor(
      async () => {
        await publisher.publishAsync(`devices/${device.key}/telemetry/probe`, "1", { qos: 1 });
        return (await db.sql`select 1 from series where device_id = ${device.id} and metric = 'probe'`)
          .length > 0
          ? true
          : undefined;
      },
      30_000,
      "the worker to subscribe",
    );

    const base = Date.now() - TOTAL - 60_000;
    let done = false;
    const publishing = publishNumbered(publisher, device.key, "n", base, 0, TOTAL).finally(
      () => (done = true),
    );
    // Malformed messages throughout: a replayed journal must not quarantine any of them twice.
    const poison = (async () => {
      let sent = 0;
      while (!done) {
        await publisher.publishAsync(`devices/${device.key}/telemetry`, `not json ${sent++}`, { qos: 1 });
        await new Promise((r) => setTimeout(r, 10));
      }
      return sent;
    })();
    for (const threshold of [TOTAL * 0.25, TOTAL * 0.6]) {
      await waitFor(
        async () => ((await stored()) >= threshold ? true : undefined),
        60_000,
        `${threshold} rows`,
      );
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      worker = startWorker();
    }
    await publishing;
    const poisonSent = await poison;
    await waitFor(
      async () => ((await stored()) >= TOTAL + 1 ? true : undefined),
      90_000,
      "every message stored",
    );
    const [check] = await db.sql<{ n: number; distinct_values: number; min: number; max: number }[]>`
      select count(*)::int as n, count(distinct r.value)::int as distinct_values, min(r.value) as min, max(r.value) as max
      from readings r join series s on s.id = r.series_id where s.device_id = ${device.id} and s.metric = 'n'`;
    expect(check).toEqual({ n: TOTAL, distinct_values: TOTAL, min: 0, max: TOTAL - 1 });
    const quarantined = await waitFor(
      async () => {
        const [q] = await db.sql<{ n: number; distinct_payloads: number }[]>`
        select count(*)::int as n, count(distinct payload)::int as distinct_payloads from quarantine where device_key = ${device.key}`;
        return q && q.distinct_payloads >= poisonSent ? q : undefined;
      },
      30_000,
      "every malformed message quarantined",
    );
    expect(quarantined).toEqual({ n: poisonSent, distinct_payloads: poisonSent });
    worker.kill("SIGTERM");
    await new Promise((r) => worker.once("exit", r));
    await publisher.endAsync();
    await broker.stop();
  });
});
