import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { insertRule, listRules, updateRule } from "../db/queries/alert-rules-admin";
import { alertRuleInput } from "../../domain/alerts/rule-input";
import { createTestDevice } from "../../../test/support/fixtures";
import { createTestWebhook } from "../../../test/support/webhook-receiver";
import { ApiError } from "./errors";
import { requireRuleWebhooks, requireSafeUrl } from "./webhook-access";

let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 2 });
});
afterAll(() => db.close());

const apiError = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof ApiError ? { status: e.status, fields: e.fields } : e),
  );

describe("webhooks named by alert rules", () => {
  it("accepts endpoints of the rule's site, refuses others with a field message, and lists them with the rule", async () => {
    const device = await createTestDevice(db.sql);
    const own = await createTestWebhook(db.sql, "https://hooks.example.com/own", device.siteId);
    const foreign = await createTestWebhook(db.sql, "https://hooks.example.com/foreign");
    expect(await apiError(requireRuleWebhooks(db.sql, [foreign.id], device.siteId))).toEqual({
      status: 422,
      fields: { webhooks: `no webhook "${foreign.id}" in the rule's site` },
    });
    expect(await apiError(requireRuleWebhooks(db.sql, ["not-a-uuid"], device.siteId))).toMatchObject({
      status: 422,
    });
    expect(await requireRuleWebhooks(db.sql, [own.id, own.id], device.siteId)).toEqual([own.id]);

    const input = alertRuleInput.parse({
      name: "Dry",
      device: device.key,
      metric: "moisture",
      comparison: "below",
      threshold: 20,
      webhooks: [own.id],
    });
    const scope = { siteId: device.siteId, deviceId: device.id, typeId: null };
    const id = await insertRule(
      db.sql,
      input,
      scope,
      (
        await db.sql<
          { id: string }[]
        >`insert into users (email, name, password_hash) values (${`r-${id8()}@t.test`}, 'R', 'x') returning id`
      )[0]!.id,
    );
    expect((await listRules(db.sql, { all: true }, id))[0]!.webhooks).toEqual([own.id]);
    // A change that doesn't mention webhooks keeps them; an empty list clears them.
    await updateRule(db.sql, id, { ...input, webhooks: undefined, name: "Very dry" }, scope);
    expect((await listRules(db.sql, { all: true }, id))[0]!.webhooks).toEqual([own.id]);
    await updateRule(db.sql, id, { ...input, webhooks: [] }, scope);
    expect((await listRules(db.sql, { all: true }, id))[0]!.webhooks).toEqual([]);
  });
});

describe("webhook URLs at creation", () => {
  // Whatever this machine's WEBHOOK_ALLOW_PRIVATE says: the check as it runs without it.
  it("refuses loopback and private addresses with a message on url", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://[::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://10.0.0.5/hook",
      "http://localhost/hook",
    ]) {
      expect(await apiError(requireSafeUrl(url, false))).toMatchObject({
        status: 422,
        fields: { url: expect.stringMatching(/private or local address/) },
      });
    }
    expect(await apiError(requireSafeUrl("https://93.184.215.14/hook", false))).toBeNull();
    expect(await apiError(requireSafeUrl("http://127.0.0.1:8080/hook", true))).toBeNull();
  });
});

const id8 = () => Math.random().toString(36).slice(2, 10);
