import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { evaluateAlertsIn } from "./evaluate-batch";
import { loadEnabledRules } from "../db/queries/alert-rules";
import { sweepAlerts } from "./sweep";
import { createTestDevice, waitFor, type TestDevice } from "../../../test/support/fixtures";
import { createTestWebhook } from "../../../test/support/webhook-receiver";

// The clock's part: nothing depends on the next message arriving.
let db: Db;
const MIN = 60_000;

beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 4 });
});
afterAll(() => db.close());

async function rule(
  device: TestDevice,
  fields: { kind: "threshold" | "no_data"; metric: string | null; forS: number },
) {
  const [row] = await db.sql<{ id: string }[]>`
    insert into alert_rules (site_id, device_id, name, kind, metric, comparison, threshold, for_s, severity)
    values (${device.siteId}, ${device.id}, 'rule', ${fields.kind}, ${fields.metric}, 'below', 20, ${fields.forS}, 'critical') returning id`;
  return row!.id;
}

describe("the alert sweep", () => {
  it("fires a pending condition once its time is up, with no further reading, as of that moment", async () => {
    const device = await createTestDevice(db.sql);
    const id = await rule(device, { kind: "threshold", metric: "moisture", forS: 600 });
    const t0 = Date.now() - 9 * MIN;
    const rules = await loadEnabledRules(db.sql);
    const scopes = new Map([[device.id, { siteId: device.siteId, typeId: null }]]);
    await db.sql.begin((tx) =>
      evaluateAlertsIn(tx, rules, scopes, [
        { deviceId: device.id, deviceKey: device.key, metric: "moisture", ts: t0, value: 12 },
      ]),
    );
    expect((await sweepAlerts(db.sql, rules, t0 + 9 * MIN)).filter((c) => c.ruleId === id)).toEqual([]);
    const fired = (await sweepAlerts(db.sql, rules, t0 + 11 * MIN)).filter((c) => c.ruleId === id);
    expect(fired).toEqual([
      expect.objectContaining({ state: "firing", ts: t0 + 10 * MIN, value: 12, device: device.key }),
    ]);
    expect((await sweepAlerts(db.sql, rules, t0 + 12 * MIN)).filter((c) => c.ruleId === id)).toEqual([]); // once
    await db.sql`update alert_rules set enabled = false where id = ${id}`;
  });

  it("fires a no-data rule when a device goes quiet and resolves it when it speaks again", async () => {
    const device = await createTestDevice(db.sql);
    const id = await rule(device, { kind: "no_data", metric: null, forS: 900 });
    const lastSeen = Date.now() - 20 * MIN;
    await db.sql`update devices set last_seen_at = to_timestamp(${lastSeen} / 1000.0) where id = ${device.id}`;
    const rules = await loadEnabledRules(db.sql);
    const fired = (await sweepAlerts(db.sql, rules)).filter((c) => c.ruleId === id);
    expect(fired).toEqual([expect.objectContaining({ state: "firing", device: device.key })]);
    expect(Math.abs(fired[0]!.ts - (lastSeen + 15 * MIN))).toBeLessThan(1000);
    expect((await sweepAlerts(db.sql, rules)).filter((c) => c.ruleId === id)).toEqual([]);
    await db.sql`update devices set last_seen_at = now() where id = ${device.id}`;
    expect((await sweepAlerts(db.sql, rules)).filter((c) => c.ruleId === id)).toEqual([
      expect.objectContaining({ state: "resolved" }),
    ]);
    await db.sql`update alert_rules set enabled = false where id = ${id}`;
  });

  it("repeats a firing alert's notification every N until it is acknowledged or resolved", async () => {
    const device = await createTestDevice(db.sql);
    const id = await rule(device, { kind: "threshold", metric: "moisture", forS: 0 });
    await db.sql`update alert_rules set repeat_every_s = 60 where id = ${id}`;
    const hook = await createTestWebhook(db.sql, "http://127.0.0.1:9/unused", device.siteId);
    await db.sql`insert into alert_rule_webhooks (rule_id, webhook_id) values (${id}, ${hook.id})`;
    const [alert] = await db.sql<{ id: string }[]>`
      insert into alerts (rule_id, device_id, severity, started_at, value, last_notified_at)
      values (${id}, ${device.id}, 'critical', now() - interval '5 minutes', 12, now() - interval '61 seconds') returning id`;
    const queued = async () =>
      (
        await db.sql<
          { n: number }[]
        >`select count(*)::int as n from webhook_deliveries where webhook_id = ${hook.id} and event_type = 'alert.firing'`
      )[0]!.n;
    const rules = await loadEnabledRules(db.sql);
    // Another sweeper (a worker of another test) may hold the lock this round: whoever sweeps, it is queued once.
    await waitFor(
      async () => (await sweepAlerts(db.sql, rules), (await queued()) >= 1 ? true : undefined),
      5_000,
      "the repeat",
    );
    expect(await queued()).toBe(1);
    await sweepAlerts(db.sql, rules); // not due again for another minute
    expect(await queued()).toBe(1);
    await db.sql`update alerts set last_notified_at = now() - interval '2 minutes', acked_at = now() where id = ${alert!.id}`;
    await sweepAlerts(db.sql, rules); // acknowledged: someone is on it
    expect(await queued()).toBe(1);
    await db.sql`update alert_rules set enabled = false where id = ${id}`;
  });
});
