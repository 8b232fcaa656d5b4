import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { applyTransition } from "../alerts/evaluate-batch";
import type { CompiledRule } from "../../domain/alerts/rule-set";
import { createTestDevice, type TestDevice } from "../../../test/support/fixtures";
import { createTestWebhook } from "../../../test/support/webhook-receiver";

let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 4 });
});
afterAll(() => db.close());

/** A device rule linked to one enabled and one disabled endpoint. */
async function linkedRule(device: TestDevice) {
  const [rule] = await db.sql<{ id: string }[]>`
    insert into alert_rules (site_id, device_id, name, metric, comparison, threshold, severity)
    values (${device.siteId}, ${device.id}, 'Dry soil', 'moisture', 'below', 20, 'critical') returning id`;
  const on = await createTestWebhook(db.sql, "https://hooks.example.com/a", device.siteId);
  const off = await createTestWebhook(db.sql, "https://hooks.example.com/b", device.siteId);
  await db.sql`update webhooks set enabled = false where id = ${off.id}`;
  await db.sql`insert into alert_rule_webhooks (rule_id, webhook_id) values (${rule!.id}, ${on.id}), (${rule!.id}, ${off.id})`;
  const work = {
    rule: { id: rule!.id, severity: "critical" } as CompiledRule,
    deviceId: device.id,
    deviceKey: device.key,
  };
  return { ruleId: rule!.id, on: on.id, work };
}

const deliveriesOf = (ruleId: string) => db.sql<
  { webhook_id: string; event_type: string; message_id: string; payload: { data: { alert: unknown } } }[]
>`
  select d.webhook_id, d.event_type, d.message_id, d.payload from webhook_deliveries d
  join alert_rule_webhooks rw on rw.webhook_id = d.webhook_id where rw.rule_id = ${ruleId} order by d.created_at`;

describe("the webhook outbox", () => {
  it("is written in the alert's transaction: rolled back together, committed together", async () => {
    const device = await createTestDevice(db.sql);
    const { ruleId, on, work } = await linkedRule(device);
    const at = Date.parse("2026-12-01T10:00:00Z");

    await expect(
      db.sql.begin(async (tx) => {
        const change = await applyTransition(tx, work, { kind: "fire", at, value: 12 });
        expect(change).toMatchObject({ state: "firing" });
        const [inside] = await tx<
          { n: number }[]
        >`select count(*)::int as n from webhook_deliveries where webhook_id = ${on}`;
        expect(inside!.n).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await deliveriesOf(ruleId)).toEqual([]);

    const fired = await db.sql.begin((tx) => applyTransition(tx, work, { kind: "fire", at, value: 12 }));
    await db.sql.begin((tx) => applyTransition(tx, work, { kind: "resolve", at: at + 60_000, value: 27 }));
    const rows = await deliveriesOf(ruleId);
    // One per enabled endpoint and change; the disabled endpoint gets nothing.
    expect(rows.map((r) => [r.webhook_id, r.event_type])).toEqual([
      [on, "alert.firing"],
      [on, "alert.resolved"],
    ]);
    expect(rows[0]!.message_id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(rows[0]!.payload).toMatchObject({
      type: "alert.firing",
      timestamp: "2026-12-01T10:00:00.000Z",
      data: {
        alert: { id: fired!.alertId, state: "firing", severity: "critical", value: 12, resolvedAt: null },
        rule: { id: ruleId, name: "Dry soil" },
        device: { key: device.key, name: expect.any(String) },
        site: { slug: expect.any(String), name: expect.any(String) },
      },
    });
    expect(rows[1]!.payload.data.alert).toMatchObject({
      state: "resolved",
      value: 27,
      resolvedAt: expect.any(String),
    });
  });
});
