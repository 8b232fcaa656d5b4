import mqtt, { type MqttClient } from "mqtt";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../lib/server/db/connect";
import { LiveHub } from "../lib/server/live/hub";
import type { AlertEvent, LiveEvent } from "../lib/domain/live/events";
import {
  createTestDevice,
  uniqueId,
  waitFor,
  waitUntilIngesting,
  type TestDevice,
} from "../test/support/fixtures";
import { createTestWebhook, startReceiver } from "../test/support/webhook-receiver";
import type { IngestWorker } from "./worker";
import { startSuiteWorker } from "../test/support/suite-worker";

// Alerts are evaluated in the ingest path on committed readings: publish → alert row → live event.
let db: Db;
let worker: IngestWorker;
let publisher: MqttClient;
let hub: LiveHub;
let device: TestDevice;
const events: LiveEvent[] = [];
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  const protocolVersion = inject("mqttProtocolVersion");
  device = await createTestDevice(db.sql, [{ name: "moisture", unit: "%", min: 0, max: 100 }]);
  const [rule] = await db.sql<{ id: string }[]>`
    insert into alert_rules (site_id, device_id, name, metric, comparison, threshold, clear_threshold, severity)
    values (${device.siteId}, ${device.id}, 'Dry soil', 'moisture', 'below', 20, 25, 'critical') returning id`;
  receiver = await startReceiver();
  const hook = await createTestWebhook(db.sql, receiver.url, device.siteId);
  secret = hook.secret;
  await db.sql`insert into alert_rule_webhooks (rule_id, webhook_id) values (${rule!.id}, ${hook.id})`;
  worker = await startSuiteWorker();
  publisher = await mqtt.connectAsync(inject("mqttUrl"), {
    clientId: `it-pub-${uniqueId()}`,
    protocolVersion,
  });
  hub = new LiveHub(db.sql);
  await hub.ready;
  hub.subscribe((e) => events.push(e), new Set([device.key]));
  await waitUntilIngesting(
    db.sql,
    (topic, payload) => publisher.publishAsync(topic, payload, { qos: 1 }),
    device,
  );
});

afterAll(async () => {
  await receiver?.close();
  await publisher?.endAsync();
  await worker?.stop();
  await db?.close();
});

const publish = (ts: number, moisture: number) =>
  publisher.publishAsync(`devices/${device.key}/telemetry`, JSON.stringify({ ts, values: { moisture } }), {
    qos: 1,
  });
const alertEvents = () => events.filter((e): e is AlertEvent => e.type === "alert");

describe("alerts in the ingest path", () => {
  it("fire on a committed reading, stay one episode while hovering, resolve past the clear line, and ignore late data", async () => {
    const t0 = Date.now() - 60_000;
    await publish(t0, 15);
    const [fired] = await waitFor(
      async () => (alertEvents().length >= 1 ? alertEvents() : undefined),
      10_000,
      "the alert event",
    );
    expect(fired).toMatchObject({
      device: device.key,
      state: "firing",
      severity: "critical",
      value: 15,
      ts: t0,
    });
    await publish(t0 + 1000, 22); // above 20 but under the clear line 25: still firing
    await publish(t0 + 2000, 18);
    await publish(t0 + 3000, 30);
    await waitFor(async () => (alertEvents().length >= 2 ? true : undefined), 10_000, "the resolve event");
    await publish(t0 - 5000, 5); // late: stored, but no new alert
    await waitFor(async () =>
      (
        await db.sql`select 1 from readings r join series s on s.id = r.series_id where s.device_id = ${device.id} and r.ts = to_timestamp(${(t0 - 5000) / 1000})`
      ).length
        ? true
        : undefined,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(alertEvents().map((e) => e.state)).toEqual(["firing", "resolved"]);
    const rows =
      await db.sql`select resolved_at is not null as resolved from alerts a join alert_rules r on r.id = a.rule_id where r.device_id = ${device.id}`;
    expect(rows).toEqual([{ resolved: true }]);
  });

  it("notify the rule's webhook of each change, signed", async () => {
    await waitFor(
      async () => (receiver.received.length >= 2 ? true : undefined),
      10_000,
      "two webhook deliveries",
    );
    const bodies = receiver.received.map(
      (r) =>
        new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          data: { device: { key: string } };
        },
    );
    expect(bodies.map((b) => b.type)).toEqual(["alert.firing", "alert.resolved"]);
    expect(bodies[0]!.data.device.key).toBe(device.key);
  });
});
