import pino from "pino";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { waitFor } from "../../../test/support/fixtures";
import { createTestDelivery, createTestWebhook, startReceiver } from "../../../test/support/webhook-receiver";
import { startWebhookDelivery } from "./loop";
import type { DeliveryOptions } from "./options";

// The Standard Webhooks schedule compressed 100-fold in its first steps: a real clock, real HTTP, real PostgreSQL.
const SCHEDULE = [0, 300, 600, 900, 1_200];
const FAST: Partial<DeliveryOptions> = {
  schedule: SCHEDULE,
  pollMs: 25,
  allowPrivate: true,
  timeoutMs: 2_000,
};
const log = pino({ level: "silent" });
// Answers take longer than several poll rounds: a second worker would send it again if the claim didn't hold.
const SLOW_MS = 150;
let db: Db;

beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 6 });
});
afterAll(() => db.close());

const delivery = async (id: string) =>
  (
    await db.sql<
      { status: string; attempts: number; last_status_code: number | null }[]
    >`select status, attempts, last_status_code from webhook_deliveries where id = ${id}`
  )[0]!;
const endpoint = async (id: string) =>
  (
    await db.sql<
      {
        enabled: boolean;
        paused_at: Date | null;
        paused_reason: string | null;
        disabled_reason: string | null;
      }[]
    >`
    select enabled, paused_at, paused_reason, disabled_reason from webhooks where id = ${id}`
  )[0]!;
const settled = (id: string) =>
  waitFor(
    async () => ((await delivery(id)).status !== "pending" ? true : undefined),
    15_000,
    "the delivery to settle",
  );

/** One delivery to a receiver answering `respond`, through one loop, until it settles. */
async function deliverOne(respond: Parameters<typeof startReceiver>[0]) {
  const receiver = await startReceiver(respond);
  const hook = await createTestWebhook(db.sql, receiver.url);
  const d = await createTestDelivery(db.sql, hook.id);
  const loop = startWebhookDelivery(db.sql, log, FAST);
  await settled(d.id);
  await loop.stop();
  await receiver.close();
  return { receiver, d };
}

describe("webhook delivery", () => {
  it("retries a failing receiver on the schedule and delivers once, with one webhook-id and a valid signature", async () => {
    const receiver = await startReceiver((n) => ({ status: n < 3 ? 500 : 204 }), SLOW_MS);
    const hook = await createTestWebhook(db.sql, receiver.url);
    const d = await createTestDelivery(db.sql, hook.id);
    // Two workers side by side: skip locked + the lease keep them from sending it twice.
    const loops = [startWebhookDelivery(db.sql, log, FAST), startWebhookDelivery(db.sql, log, FAST)];
    await settled(d.id);
    await new Promise((r) => setTimeout(r, 400));
    await Promise.all(loops.map((l) => l.stop()));
    await receiver.close();

    expect(await delivery(d.id)).toEqual({ status: "delivered", attempts: 4, last_status_code: 204 });
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([d.messageId]));
    for (const r of receiver.received)
      expect(new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>)).toEqual({
        type: "alert.firing",
        data: { n: 1 },
      });
    // Gap before attempt n+1: the slow answer, then schedule[n] ± 10 % jitter, plus at most a poll round.
    const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i]!.at);
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(SLOW_MS + SCHEDULE[i + 1]! * 0.9 - 5);
      expect(gap).toBeLessThan(SLOW_MS + SCHEDULE[i + 1]! * 1.1 + 400);
    });
    const [log4] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from webhook_attempts where delivery_id = ${d.id}`;
    expect(log4!.n).toBe(4);
  });

  it("dead-letters a delivery when the schedule is used up", async () => {
    const { receiver, d } = await deliverOne(() => ({ status: 500 }));
    expect(await delivery(d.id)).toEqual({
      status: "failed",
      attempts: SCHEDULE.length,
      last_status_code: 500,
    });
    expect(receiver.received).toHaveLength(SCHEDULE.length);
  });

  it("waits as long as Retry-After asks", async () => {
    const { receiver } = await deliverOne((n) =>
      n === 0 ? { status: 503, headers: { "retry-after": "2" } } : { status: 200 },
    );
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.at - receiver.received[0]!.at).toBeGreaterThanOrEqual(1_990);
  });

  it("disables an endpoint that answers 410 Gone and fails its other pending deliveries", async () => {
    const receiver = await startReceiver(() => ({ status: 410 }));
    const hook = await createTestWebhook(db.sql, receiver.url);
    const first = await createTestDelivery(db.sql, hook.id);
    const second = await createTestDelivery(db.sql, hook.id);
    // One at a time: the first answer (410) lands before the second is claimed.
    const loop = startWebhookDelivery(db.sql, log, { ...FAST, batchSize: 1 });
    await settled(first.id);
    await settled(second.id);
    await new Promise((r) => setTimeout(r, 300));
    await loop.stop();
    await receiver.close();
    expect(receiver.received).toHaveLength(1);
    expect(await delivery(first.id)).toMatchObject({ status: "failed", attempts: 1, last_status_code: 410 });
    expect(await delivery(second.id)).toMatchObject({ status: "failed", attempts: 0 });
    expect(await endpoint(hook.id)).toMatchObject({
      enabled: false,
      disabled_reason: expect.stringContaining("410"),
    });
  });
});
