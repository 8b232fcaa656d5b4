import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../../lib/server/db/connect";
import { DEMO_DEVICE_TYPES, demoDeviceType } from "./fleet";
import { backfillDemoHistory } from "./backfill";
import { demoDeviceToken, deviceTokenMatches } from "../../lib/domain/devices/credentials";
import { ensureDemoFleet } from "./seed";

const SECRET = "seed-test-secret-0123456789abcdef";

let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"));
});
afterAll(() => db.close());

describe("ensureDemoFleet", () => {
  it("creates sites, types with their metric schemas as JSON arrays, and devices — idempotently", async () => {
    const first = await ensureDemoFleet(db.sql, 6, SECRET);
    const again = await ensureDemoFleet(db.sql, 9, SECRET);
    expect(again.slice(0, 6).map((d) => d.id)).toEqual(first.map((d) => d.id));
    const types = await db.sql<{ slug: string; kind: string; metrics: unknown }[]>`
      select slug, jsonb_typeof(metrics) as kind, metrics from device_types where slug = any(${DEMO_DEVICE_TYPES.map((t) => t.slug)})`;
    expect(types).toHaveLength(DEMO_DEVICE_TYPES.length);
    for (const t of types) {
      expect(t.kind).toBe("array");
      expect(t.metrics).toEqual(DEMO_DEVICE_TYPES.find((d) => d.slug === t.slug)?.metrics);
    }
    const [row] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from devices where key = any(${again.map((d) => d.key)})`;
    expect(row?.n).toBe(9);
  });

  it("gives each demo device one live token derived from the secret, and leaves a rotated one alone", async () => {
    const fleet = await ensureDemoFleet(db.sql, 2, SECRET);
    const live = (id: string) =>
      db.sql<
        { token_hash: string }[]
      >`select token_hash from device_tokens where device_id = ${id} and revoked_at is null`;
    const [first] = await live(fleet[0]!.id);
    expect(deviceTokenMatches(demoDeviceToken(SECRET, fleet[0]!.key), first!.token_hash)).toBe(true);
    expect(
      deviceTokenMatches(
        demoDeviceToken("another-installation-secret-000000", fleet[0]!.key),
        first!.token_hash,
      ),
    ).toBe(false);
    // Rotated by an admin: revoked, a new one inserted. Seeding again must not add a second live token.
    await db.sql`update device_tokens set revoked_at = now() where device_id = ${fleet[1]!.id}`;
    await db.sql`insert into device_tokens (device_id, token_hash) values (${fleet[1]!.id}, ${"ab".repeat(32)})`;
    await ensureDemoFleet(db.sql, 2, SECRET);
    expect((await live(fleet[0]!.id)).length).toBe(1);
    expect((await live(fleet[1]!.id)).map((t) => t.token_hash)).toEqual(["ab".repeat(32)]);
  });
});

describe("backfillDemoHistory", () => {
  it("gives a new demo fleet a week of history with matching rollups, once", async () => {
    const fleet = await ensureDemoFleet(db.sql, 3, SECRET);
    // A fleet without readings, as on a first start (deleting series clears readings and rollups).
    await db.sql`delete from series where device_id = any(${fleet.map((d) => d.id)}::uuid[])`;
    const now = Date.now();
    const written = await backfillDemoHistory(db.sql, fleet, now);
    // Every series (a metric of a device) × 7 days of 5-minute steps, less the rare impossible temperatures.
    const series = fleet.reduce((n, d) => n + demoDeviceType(d.typeSlug).metrics.length, 0);
    expect(written).toBeGreaterThan(series * 2000);
    expect(written).toBeLessThanOrEqual(series * 7 * 288);
    const [span] = await db.sql<{ first: Date; last: Date; rollup: number }[]>`
      select min(r.ts) as first, max(r.ts) as last,
             (select sum(count)::int from rollups_1h h join series s on s.id = h.series_id where s.device_id = any(${fleet.map((d) => d.id)}::uuid[])) as rollup
      from readings r join series s on s.id = r.series_id where s.device_id = any(${fleet.map((d) => d.id)}::uuid[])`;
    expect(now - span!.first.getTime()).toBeGreaterThan(7 * 86_400_000);
    expect(span!.last.getTime()).toBeLessThan(now);
    expect(span!.rollup).toBe(written);
    expect(await backfillDemoHistory(db.sql, fleet, now)).toBe(0); // never twice, never over real data
  });
});
