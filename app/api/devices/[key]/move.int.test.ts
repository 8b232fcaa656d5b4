import { beforeAll, describe, expect, it } from "vitest";
import { loadEnabledRules } from "@/lib/server/db/queries/alert-rules";
import { listRules } from "@/lib/server/db/queries/alert-rules-admin";
import { evaluateAlertsIn } from "@/lib/server/alerts/evaluate-batch";
import { sweepAlerts } from "@/lib/server/alerts/sweep";
import { createTestDevice, type TestDevice } from "@/test/support/fixtures";
import { createTestWebhook } from "@/test/support/webhook-receiver";
import { callRoute, createCaller, createSite, routeTestDb } from "@/test/support/api-caller";
import { PATCH } from "./route";

// A device moved to another site leaves its old site's alert rules and webhooks behind: none of
// them sees its readings again, even from an ingest worker whose cache still has the old site.
const db = routeTestDb(4);
let device: TestDevice;
let typeId: string;
let siteB: { id: string; slug: string };
let hookA: { id: string };
let deviceRule: string;
let siteRule: string;
let silenceRule: string;
const MIN = 60_000;
const t0 = Date.now() - 60 * MIN;

beforeAll(async () => {
  device = await createTestDevice(db.sql, [{ name: "t", min: -100, max: 100 }]);
  typeId = (await db.sql<{ type_id: string }[]>`select type_id from devices where id = ${device.id}`)[0]!
    .type_id;
  siteB = await createSite(db.sql);
  hookA = await createTestWebhook(db.sql, "https://hooks.example.com/site-a", device.siteId);
  const rule = async (deviceId: string | null, kind = "threshold") => {
    const [r] = await db.sql<{ id: string }[]>`
      insert into alert_rules (site_id, device_id, name, kind, metric, comparison, threshold, for_s)
      values (${device.siteId}, ${deviceId}, 'Hot', ${kind}, 't', 'above', 30, ${kind === "no_data" ? 60 : 0}) returning id`;
    await db.sql`insert into alert_rule_webhooks (rule_id, webhook_id) values (${r!.id}, ${hookA.id})`;
    return r!.id;
  };
  deviceRule = await rule(device.id);
  siteRule = await rule(null);
  silenceRule = await rule(device.id, "no_data");
});

async function evaluate(siteId: string, minute: number, value: number) {
  const rules = await loadEnabledRules(db.sql);
  const scopes = new Map([[device.id, { siteId, typeId }]]);
  const readings = [
    { deviceId: device.id, deviceKey: device.key, metric: "t", ts: t0 + minute * MIN, value },
  ];
  return db.sql.begin((tx) => evaluateAlertsIn(tx, rules, scopes, readings));
}
const deliveriesToA = () =>
  db.sql<{ event_type: string; rule: string }[]>`
    select event_type, payload->'data'->'rule'->>'id' as rule from webhook_deliveries where webhook_id = ${hookA.id} order by created_at, event_type`;
const openAlerts = () =>
  db.sql`select rule_id from alerts where device_id = ${device.id} and resolved_at is null`;

describe("moving a device to another site", () => {
  it("switches off its old site's device rules, closes that site's episodes, and keeps its readings from that site's webhooks", async () => {
    const fired = await evaluate(device.siteId, 0, 50);
    expect(fired.map((e) => e.ruleId).sort()).toEqual([deviceRule, siteRule].sort());
    expect(await deliveriesToA()).toHaveLength(2);

    const admin = await createCaller(db.sql, {
      roles: [
        { siteId: device.siteId, role: "admin" },
        { siteId: siteB.id, role: "admin" },
      ],
    });
    const moved = await callRoute(PATCH, admin, {
      method: "PATCH",
      path: `/api/devices/${device.key}`,
      params: { key: device.key },
      body: { site: siteB.slug },
    });
    expect(moved.status).toBe(200);

    // The old site's incidents end with the move, and its webhooks hear so, once each.
    expect(await openAlerts()).toHaveLength(0);
    expect(
      (await deliveriesToA())
        .filter((d) => d.event_type === "alert.resolved")
        .map((d) => d.rule)
        .sort(),
    ).toEqual([deviceRule, siteRule].sort());
    const rules = await listRules(db.sql, { all: true });
    expect(rules.find((r) => r.id === deviceRule)).toMatchObject({
      enabled: false,
      disabledReason: "device_moved",
    });
    expect(rules.find((r) => r.id === silenceRule)).toMatchObject({
      enabled: false,
      disabledReason: "device_moved",
    });
    expect(rules.find((r) => r.id === siteRule)).toMatchObject({ enabled: true });

    // Readings after the move, judged with the new site and with a worker cache still saying
    // the old one: no episode, nothing more for site A's webhook.
    const before = (await deliveriesToA()).length;
    await db.sql`update alert_rules set enabled = true where id = ${deviceRule}`; // even if switched back on by hand
    expect(await evaluate(siteB.id, 5, 10)).toEqual([]);
    expect(await evaluate(siteB.id, 6, 60)).toEqual([]);
    expect(await evaluate(device.siteId, 7, 10)).toEqual([]);
    expect(await evaluate(device.siteId, 8, 70)).toEqual([]);
    await db.sql`update devices set last_seen_at = ${new Date(t0)} where id = ${device.id}`;
    await sweepAlerts(db.sql, await loadEnabledRules(db.sql), Date.now() + 60 * MIN);
    expect(await openAlerts()).toHaveLength(0);
    expect(await deliveriesToA()).toHaveLength(before);
  });
});
