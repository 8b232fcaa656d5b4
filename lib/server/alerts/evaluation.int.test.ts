import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import type { DeviceReading } from "../../domain/telemetry/types";
import { evaluateAlertsIn } from "./evaluate-batch";
import { loadEnabledRules } from "../db/queries/alert-rules";
import { createTestDevice, type TestDevice } from "../../../test/support/fixtures";
import type { DeviceScope } from "../../domain/alerts/rule-set";

// Alert state lives in PostgreSQL: evaluations resume after a restart, and two evaluators
// racing on the same device raise one alert between them.
let db: Db;
let device: TestDevice;
let scopes: Map<string, DeviceScope>;
const MIN = 60_000;
const t0 = Date.now() - 60 * MIN;

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"), { max: 6 });
  device = await createTestDevice(db.sql, [{ name: "moisture", min: 0, max: 100 }]);
  const [row] = await db.sql<{ type_id: string }[]>`select type_id from devices where id = ${device.id}`;
  scopes = new Map([[device.id, { siteId: device.siteId, typeId: row!.type_id }]]);
});
afterAll(() => db.close());

async function createRule(fields: {
  forS?: number;
  clearThreshold?: number;
  clearForS?: number;
  scope?: "device" | "type" | "site";
}) {
  const [type] = await db.sql<{ type_id: string }[]>`select type_id from devices where id = ${device.id}`;
  const [rule] = await db.sql<{ id: string }[]>`
    insert into alert_rules (site_id, device_id, type_id, name, kind, metric, comparison, threshold, for_s, clear_threshold, clear_for_s, severity)
    values (${device.siteId}, ${fields.scope === "device" ? device.id : null}, ${fields.scope === "type" ? type!.type_id : null}, 'Dry soil', 'threshold',
            'moisture', 'below', 20, ${fields.forS ?? 0}, ${fields.clearThreshold ?? null}, ${fields.clearForS ?? 0}, 'warning')
    returning id`;
  return rule!.id;
}

const readings = (pairs: [minute: number, value: number][]): Omit<DeviceReading, "flags">[] =>
  pairs.map(([m, value]) => ({
    deviceId: device.id,
    deviceKey: device.key,
    metric: "moisture",
    ts: t0 + m * MIN,
    value,
  }));

async function evaluate(pairs: [number, number][]) {
  const rules = await loadEnabledRules(db.sql);
  return db.sql.begin((tx) => evaluateAlertsIn(tx, rules, scopes, readings(pairs)));
}

const alertsOf = (ruleId: string) =>
  db.sql<{ started: number; resolved: number | null }[]>`
    select (extract(epoch from started_at) * 1000)::float8 as started, (extract(epoch from resolved_at) * 1000)::float8 as resolved from alerts where rule_id = ${ruleId} order by started_at`;

describe("alert evaluation in PostgreSQL", () => {
  it("keeps a pending start across evaluations (a restart in between), fires at 10 minutes and resolves with hysteresis", async () => {
    const rule = await createRule({ forS: 600, clearThreshold: 25, clearForS: 300, scope: "device" });
    expect(
      await evaluate([
        [0, 15],
        [5, 15],
      ]),
    ).toEqual([]);
    // A new batch — as after a worker restart — carries on from the stored pending start.
    const fired = await evaluate([
      [9, 15],
      [10, 15],
    ]);
    expect(fired).toEqual([
      expect.objectContaining({
        type: "alert",
        device: device.key,
        state: "firing",
        ts: t0 + 10 * MIN,
        value: 15,
      }),
    ]);
    expect(
      await evaluate([
        [11, 22],
        [12, 19],
        [13, 24],
        [14, 19],
      ]),
    ).toEqual([]); // hovering: still one episode
    const resolved = await evaluate([
      [15, 30],
      [20, 30],
    ]);
    expect(resolved).toEqual([
      expect.objectContaining({ state: "resolved", alertId: fired[0]!.alertId, ts: t0 + 20 * MIN }),
    ]);
    expect(await alertsOf(rule)).toEqual([{ started: t0 + 10 * MIN, resolved: t0 + 20 * MIN }]);
    await db.sql`update alert_rules set enabled = false where id = ${rule}`;
  });

  it("ignores a late reading: stored elsewhere, but no state change and no new alert", async () => {
    const rule = await createRule({ scope: "type" });
    await evaluate([[30, 10]]);
    await evaluate([[31, 40]]); // resolved at 31
    expect(await evaluate([[30.5, 5]])).toEqual([]); // late: older than the newest seen
    expect((await alertsOf(rule)).length).toBe(1);
    await db.sql`update alert_rules set enabled = false where id = ${rule}`;
  });

  it("raises one alert when two evaluators see the same device's readings at once", async () => {
    const rule = await createRule({ scope: "site" });
    const results = await Promise.all([evaluate([[40, 10]]), evaluate([[40.5, 11]]), evaluate([[41, 12]])]);
    expect(results.flat().filter((c) => c.state === "firing")).toHaveLength(1);
    const open = await db.sql`select 1 from alerts where rule_id = ${rule} and resolved_at is null`;
    expect(open.length).toBe(1);
    await db.sql`update alert_rules set enabled = false where id = ${rule}`;
  });
});
