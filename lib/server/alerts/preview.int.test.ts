import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { previewRule } from "../db/queries/alert-preview";
import { createTestDevice, type TestDevice } from "../../../test/support/fixtures";
import { alertRuleInput } from "../../domain/alerts/rule-input";

// A rule's 7-day preview comes from the minute rollups the ingest path keeps.
let db: Db;
let device: TestDevice;
const MIN = 60_000;
const now = Math.floor(Date.now() / MIN) * MIN;

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  device = await createTestDevice(db.sql, [{ name: "moisture", unit: "%", min: 0, max: 100 }]);
  const [series] = await db.sql<
    { id: number }[]
  >`insert into series (device_id, metric) values (${device.id}, 'moisture') returning id`;
  // Two days ago: dry (min 12) for 30 minutes; a day ago: dry for 5 minutes; otherwise 35 %.
  const minutes = Array.from({ length: 3 * 24 * 60 }, (_, i) => now - (3 * 24 * 60 - i) * MIN);
  const dryFor = (t: number) =>
    (t >= now - 2 * 86_400_000 && t < now - 2 * 86_400_000 + 30 * MIN) ||
    (t >= now - 86_400_000 && t < now - 86_400_000 + 5 * MIN);
  await db.sql`
    insert into rollups_1m (series_id, bucket, min, max, sum, count)
    select ${series!.id}, to_timestamp(t / 1000.0), v, v + 2, (v + 1) * 6, 6
    from unnest(${minutes}::float8[], ${minutes.map((t) => (dryFor(t) ? 12 : 35))}::float8[]) as u(t, v)`;
});
afterAll(() => db.close());

describe("rule preview", () => {
  it("counts the episodes of the last 7 days, respecting the rule's 'for'", async () => {
    const scope = { siteId: device.siteId, deviceId: device.id, typeId: null };
    const rule = (forS: number) =>
      alertRuleInput.parse({
        name: "Dry",
        device: device.key,
        metric: "moisture",
        comparison: "below",
        threshold: 20,
        forS,
      });
    const quick = await previewRule(db.sql, rule(0), scope, now);
    expect(quick).toMatchObject({ fired: 2, devicesChecked: 1, devicesInScope: 1 });
    expect(quick.episodes.map((e) => [e.start, e.end])).toEqual([
      [now - 2 * 86_400_000, now - 2 * 86_400_000 + 30 * MIN],
      [now - 86_400_000, now - 86_400_000 + 5 * MIN],
    ]);
    // "for 10 minutes": only the 30-minute dry spell would have fired.
    expect((await previewRule(db.sql, rule(600), scope, now)).fired).toBe(1);
  });
});
