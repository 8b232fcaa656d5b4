import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb } from "../lib/server/db/connect";
import { createLogger } from "../lib/server/log";
import { createTestDevice, uniqueId, waitFor, waitUntilIngesting } from "../test/support/fixtures";
import { testWorkerConfig } from "../test/support/ingest-config";
import { startIngestWorker, type IngestWorker } from "./worker";

// Rollups are kept in the same transaction as the readings: they always agree with raw rows,
// late data included, redeliveries excluded.
const db = connectDb(inject("databaseUrl"));
let worker: IngestWorker;
let publisher: MqttClient;
beforeAll(async () => {
  const protocolVersion = inject("mqttProtocolVersion");
  worker = await startIngestWorker(
    testWorkerConfig(inject("databaseUrl"), { url: inject("mqttUrl"), protocolVersion, sharedGroup: "" }),
    createLogger("ingest-test", "warn"),
  );
  publisher = await mqtt.connectAsync(inject("mqttUrl"), {
    clientId: `it-pub-${uniqueId()}`,
    protocolVersion,
  });
});
afterAll(async () => {
  await publisher.endAsync();
  await worker.stop();
  await db.close();
});

describe("rollups", () => {
  it("match the raw readings per minute and per hour, late and repeated data included", async () => {
    const device = await createTestDevice(db.sql);
    await waitUntilIngesting(db.sql, (t, p) => publisher.publishAsync(t, p, { qos: 1 }), device);
    // Two hours back, so all 300 points (85 minutes' worth) are in the past and span two hours.
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 7_200_000;
    const points = Array.from({ length: 300 }, (_, i) => ({
      ts: hour + i * 17_000,
      v: Math.round(Math.sin(i) * 1000) / 10,
    }));
    const send = (p: { ts: number; v: number }) =>
      publisher.publishAsync(
        `devices/${device.key}/telemetry`,
        JSON.stringify({ ts: p.ts, values: { x: p.v } }),
        { qos: 1 },
      );
    for (const p of points.slice(0, 200)) await send(p);
    for (const p of points.slice(0, 50)) await send(p); // redelivered: must not count twice
    for (const p of points.slice(200).reverse()) await send(p); // late, newest first
    await waitFor(
      async () => {
        const [r] = await db.sql<
          { n: number }[]
        >`select coalesce(sum(count), 0)::int as n from rollups_1m m join series s on s.id = m.series_id where s.device_id = ${device.id} and s.metric = 'x'`;
        return r!.n === points.length ? true : undefined;
      },
      20_000,
      "rollups to cover every reading",
    );
    for (const [table, unit] of [
      ["rollups_1m", "minute"],
      ["rollups_1h", "hour"],
    ] as const) {
      const mismatches = await db.sql`
        with raw as (
          select date_trunc(${unit}, r.ts) as bucket, min(r.value) as min, max(r.value) as max, sum(r.value) as sum, count(*)::int as count
          from readings r join series s on s.id = r.series_id where s.device_id = ${device.id} and s.metric = 'x' group by 1
        ), roll as (
          select m.bucket, m.min, m.max, m.sum, m.count from ${db.sql(table)} m join series s on s.id = m.series_id where s.device_id = ${device.id} and s.metric = 'x'
        )
        select * from raw full join roll using (bucket)
        where raw.count is distinct from roll.count or raw.min is distinct from roll.min or raw.max is distinct from roll.max
           or abs(raw.sum - roll.sum) > 1e-6 or raw.sum is null or roll.sum is null`;
      expect(mismatches, table).toEqual([]);
    }
  });

  it("go, with the readings, when their device is deleted", async () => {
    const device = await createTestDevice(db.sql);
    await waitUntilIngesting(db.sql, (t, p) => publisher.publishAsync(t, p, { qos: 1 }), device);
    const [series] = await db.sql<
      { id: number }[]
    >`select id from series where device_id = ${device.id} limit 1`;
    const left = async () => {
      const [r] = await db.sql<{ n: number }[]>`
        select (select count(*) from readings where series_id = ${series!.id}) + (select count(*) from rollups_1m where series_id = ${series!.id})
             + (select count(*) from rollups_1h where series_id = ${series!.id}) as n`;
      return Number(r!.n);
    };
    expect(await left()).toBeGreaterThan(0);
    await db.sql`delete from devices where id = ${device.id}`;
    expect(await left()).toBe(0);
  });
});
