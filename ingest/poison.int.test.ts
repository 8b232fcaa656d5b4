import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_PAYLOAD_BYTES } from "../lib/domain/telemetry/payload";
import { connectDb } from "../lib/server/db/connect";
import { LiveHub } from "../lib/server/live/hub";
import { createLogger } from "../lib/server/log";
import {
  countReadings,
  createTestDevice,
  uniqueId,
  waitFor,
  waitUntilIngesting,
} from "../test/support/fixtures";
import { testWorkerConfig } from "../test/support/ingest-config";
import { startOwnBroker, type OwnBroker } from "../test/support/own-broker";
import { startIngestWorker, type IngestWorker } from "./worker";

// "Bad input never stops the stream" (docs/architecture.md, "Guarantees"): 200 poison messages among 10,000 good ones.
const GOOD = 10_000;
const db = connectDb(inject("databaseUrl"));
let broker: OwnBroker;
let worker: IngestWorker;
let publisher: MqttClient;
// A broker of its own: 10,200 messages outrun a default-configured Mosquitto's queue.
beforeAll(async () => {
  broker = await startOwnBroker();
  const { url, protocolVersion } = broker;
  worker = await startIngestWorker(
    testWorkerConfig(inject("databaseUrl"), { url, protocolVersion, sharedGroup: "" }),
    createLogger("ingest-test", "silent"),
  );
  publisher = await mqtt.connectAsync(url, { clientId: `it-pub-${uniqueId()}`, protocolVersion });
});
afterAll(async () => {
  await publisher.endAsync();
  await worker.stop();
  await broker.stop();
  await db.close();
});

describe("poison messages", () => {
  it(
    "are quarantined with their reason while every good reading flows on",
    { timeout: 120_000 },
    async () => {
      const device = await createTestDevice(db.sql);
      const stranger = `nobody-${uniqueId()}`;
      await waitUntilIngesting(db.sql, (t, p) => publisher.publishAsync(t, p, { qos: 1 }), device);
      const poison: [string, string | Buffer, string][] = [
        [device.key, '{"g": ', "malformed"],
        [device.key, '{"g": NaN}', "malformed"],
        // Over the payload limit, under the embedded broker's packet limit (a bigger one closes the connection).
        [device.key, Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 0x31), "too_large"],
        [device.key, Buffer.from([0x7b, 0x22, 0x67, 0x22, 0x3a, 0xc3, 0x28, 0x7d]), "malformed"],
        [device.key, '{"ts": "9999-12-31T23:59:59Z", "values": {"g": 1}}', "bad_timestamp"],
        [stranger, '{"g": 1}', "unknown_device"],
      ];
      const hub = new LiveHub(db.sql);
      await hub.ready;
      const arrivals: number[] = [];
      hub.subscribe((e) => {
        if (e.device !== device.key || e.type !== "readings") return;
        for (const r of e.readings) if (r.metric === "g") arrivals.push(Date.now());
      });

      const base = Date.now() - GOOD - 60_000;
      const sends: Promise<unknown>[] = [];
      for (let i = 0, p = 0; i < GOOD; i++) {
        sends.push(
          publisher.publishAsync(
            `devices/${device.key}/telemetry`,
            JSON.stringify({ ts: base + i, values: { g: i } }),
            { qos: 1 },
          ),
        );
        if (i % 50 === 25) {
          const [key, payload] = poison[p++ % poison.length]!;
          sends.push(publisher.publishAsync(`devices/${key}/telemetry`, payload, { qos: 1 }));
        }
        if (sends.length >= 500) await Promise.all(sends.splice(0));
      }
      await Promise.all(sends);

      const count = async () => countReadings(db.sql, device.id, "g");
      await waitFor(async () => ((await count()) >= GOOD ? true : undefined), 60_000, "every good reading");
      const reasons = await waitFor(
        async () => {
          const rows = await db.sql<{ reason: string; n: number }[]>`
        select reason, count(*)::int as n from quarantine where device_key in (${device.key}, ${stranger}) group by reason order by reason`;
          return rows.reduce((sum, r) => sum + r.n, 0) >= 200 ? rows : undefined;
        },
        30_000,
        "200 quarantine rows",
      );
      expect(await count()).toBe(GOOD);
      const expected: Record<string, number> = {};
      for (let p = 0; p < 200; p++)
        expected[poison[p % poison.length]![2]] = (expected[poison[p % poison.length]![2]] ?? 0) + 1;
      expect(Object.fromEntries(reasons.map((r) => [r.reason, r.n]))).toEqual(expected);
      const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
      expect(Math.max(...gaps), "longest pause in the live stream (ms)").toBeLessThan(1000);
    },
  );
});
