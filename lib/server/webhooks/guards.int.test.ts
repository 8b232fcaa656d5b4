import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { enqueueTestDelivery } from "../db/queries/webhook-outbox";
import { waitFor } from "../../../test/support/fixtures";
import { createTestDelivery, createTestWebhook, startReceiver } from "../../../test/support/webhook-receiver";
import { deliverNow } from "./deliver";
import { startWebhookDelivery } from "./loop";
import { deliveryOptions } from "./options";

const log = pino({ level: "silent" });
let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 4 });
});
afterAll(() => db.close());

const endpoint = async (id: string) =>
  (
    await db.sql<{ paused_at: Date | null; paused_reason: string | null; failure_streak: number }[]>`
    select paused_at, paused_reason, failure_streak from webhooks where id = ${id}`
  )[0]!;

describe("endpoint guards", () => {
  it("pauses an endpoint that keeps failing (circuit breaker) and resumes it when a test send succeeds", async () => {
    let healthy = false;
    const receiver = await startReceiver(() => ({ status: healthy ? 200 : 500 }));
    const hook = await createTestWebhook(db.sql, receiver.url);
    const d = await createTestDelivery(db.sql, hook.id);
    const options = {
      schedule: [0, 100, 100, 100, 100, 100, 100, 100, 100, 100],
      pollMs: 25,
      allowPrivate: true,
      breakerFailures: 4,
      breakerAfterMs: 250,
    };
    const loop = startWebhookDelivery(db.sql, log, options);
    const paused = await waitFor(
      async () => ((await endpoint(hook.id)).paused_at ? endpoint(hook.id) : undefined),
      10_000,
      "the pause",
    );
    await new Promise((r) => setTimeout(r, 400));
    const sentWhilePaused = receiver.received.length;
    await new Promise((r) => setTimeout(r, 400));
    // Paused: the loop sends nothing more, the delivery waits.
    expect(receiver.received.length).toBe(sentWhilePaused);
    expect(sentWhilePaused).toBeGreaterThanOrEqual(4);
    expect(paused.paused_reason).toMatch(/failed attempts in a row \(last: HTTP 500\)/);
    const [row] = await db.sql<
      { status: string }[]
    >`select status from webhook_deliveries where id = ${d.id}`;
    expect(row!.status).toBe("pending");

    healthy = true;
    const test = await enqueueTestDelivery(db.sql, hook.id, "tester@example.com");
    const report = await deliverNow(db.sql, test, deliveryOptions(options));
    expect(report).toMatchObject({ outcome: "delivered", statusCode: 200 });
    expect(await endpoint(hook.id)).toMatchObject({
      paused_at: null,
      paused_reason: null,
      failure_streak: 0,
    });
    // Resumed: the waiting delivery goes out.
    await waitFor(
      async () =>
        (await db.sql`select 1 from webhook_deliveries where id = ${d.id} and status = 'delivered'`).length
          ? true
          : undefined,
      10_000,
      "delivery after resume",
    );
    await loop.stop();
    await receiver.close();
  });

  it("refuses private and loopback addresses at send time unless WEBHOOK_ALLOW_PRIVATE", async () => {
    const receiver = await startReceiver();
    for (const url of [
      receiver.url,
      `http://[::ffff:127.0.0.1]:${receiver.port}/hook`,
      `http://localhost:${receiver.port}/hook`,
    ]) {
      const hook = await createTestWebhook(db.sql, url);
      const refused = await deliverNow(
        db.sql,
        await enqueueTestDelivery(db.sql, hook.id, "t"),
        deliveryOptions({ allowPrivate: false }),
      );
      expect(refused).toMatchObject({
        outcome: "failed",
        statusCode: null,
        error: expect.stringMatching(/^refused: .*private or local address/),
      });
    }
    expect(receiver.received).toHaveLength(0);
    const hook = await createTestWebhook(db.sql, receiver.url);
    const allowed = await deliverNow(
      db.sql,
      await enqueueTestDelivery(db.sql, hook.id, "t"),
      deliveryOptions({ allowPrivate: true }),
    );
    expect(allowed).toMatchObject({ outcome: "delivered", statusCode: 200 });
    expect(receiver.received).toHaveLength(1);
    await receiver.close();
  });
});
