import { afterAll, describe, expect, inject, it } from "vitest";
import { createTestDevice } from "../../../../test/support/fixtures";
import { connectDb } from "../connect";
import type { DeviceReading } from "../../../domain/telemetry/types";
import { writeBatch } from "../../telemetry/write-batch";
import { readingBuckets } from "./readings";

// The readings API reads rollups for long ranges: its buckets must be exactly what the raw
// rows give for the same buckets, with gaps left as gaps.
const db = connectDb(inject("databaseUrl"));
afterAll(() => db.close());

const HOUR = 3_600_000;

describe("readingBuckets", () => {
  it("gives the raw rows' buckets from any source, gaps and late data included", async () => {
    const device = await createTestDevice(db.sql);
    const end = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
    const start = end - 72 * HOUR;
    const reading = (ts: number, value: number): DeviceReading => ({
      deviceId: device.id,
      deviceKey: device.key,
      metric: "t",
      ts,
      value,
      flags: 0,
    });
    // Every 37 s for three days, except a six-hour gap; then a late batch inside the first day.
    const onTime = [];
    for (let ts = start; ts < end; ts += 37_000)
      if (ts < start + 30 * HOUR || ts >= start + 36 * HOUR)
        onTime.push(reading(ts, Math.sin(ts / 1e7) * 20));
    const late = Array.from({ length: 50 }, (_, i) => reading(start + 5 * HOUR + i * 1_000 + 500, 99));
    const cache = new Map();
    for (const part of [onTime, late])
      await writeBatch(
        db.sql,
        { readings: part, quarantine: [], seen: new Map(), connectivity: new Map() },
        cache,
      );

    for (const [label, fromMs, toMs, points, source] of [
      ["whole range, hour rollups", start, end, 20, "hour"],
      ["whole range, minute rollups", start, end, 1000, "minute"],
      ["two hours, raw", start + 4 * HOUR, start + 6 * HOUR, 500, "raw"],
    ] as const) {
      const result = await readingBuckets(db.sql, { deviceId: device.id, metric: "t", fromMs, toMs, points });
      expect(result.source, label).toBe(source);
      expect(result.buckets.length, label).toBeLessThanOrEqual(points);
      const raw = await db.sql<{ t: number; avg: number; min: number; max: number; count: number }[]>`
        select (extract(epoch from date_bin(make_interval(secs => ${result.bucketMs / 1000}), r.ts, to_timestamp(${result.originMs / 1000}))) * 1000)::float8 as t,
               avg(r.value)::float8 as avg, min(r.value) as min, max(r.value) as max, count(*)::int as count
        from readings r join series s on s.id = r.series_id
        where s.device_id = ${device.id} and s.metric = 't' and r.ts >= to_timestamp(${result.originMs / 1000}) and r.ts < to_timestamp(${toMs / 1000})
        group by 1 order by 1`;
      expect(
        result.buckets.map((b) => ({ ...b, avg: round(b.avg) })),
        label,
      ).toEqual(raw.map((b) => ({ ...b, avg: round(b.avg) })));
    }
    // The gap is absent, not zero-filled: no minute bucket inside it.
    const minute = await readingBuckets(db.sql, {
      deviceId: device.id,
      metric: "t",
      fromMs: start + 29 * HOUR,
      toMs: start + 37 * HOUR,
      points: 480,
    });
    const inGap = minute.buckets.filter((b) => b.t >= start + 30 * HOUR && b.t < start + 36 * HOUR);
    expect(minute.buckets.length).toBeGreaterThan(100);
    expect(inGap).toEqual([]);
  });

  it("returns nothing for a metric the device never sent", async () => {
    const device = await createTestDevice(db.sql);
    const result = await readingBuckets(db.sql, {
      deviceId: device.id,
      metric: "nothing",
      fromMs: 0,
      toMs: Date.now(),
      points: 100,
    });
    expect(result.buckets).toEqual([]);
  });
});

const round = (n: number) => Math.round(n * 1e9) / 1e9;
