import net from "node:net";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { IngestWorker } from "../../../ingest/worker";
import { startSuiteWorker } from "../../../test/support/suite-worker";
import { connectDb, type Db } from "../db/connect";
import { listCommands } from "../db/queries/commands";
import { SimulatedDevice } from "../../../scripts/demo/simulated-device";
import { createRng, type DemoDevice } from "../../../scripts/demo/fleet";
import { freePort } from "../../../scripts/embedded/ports";
import type { LiveEvent } from "../../domain/live/events";
import { LiveHub } from "../live/hub";
import {
  createTestDevice,
  uniqueId,
  waitFor,
  waitUntilIngesting,
  type TestDevice,
} from "../../../test/support/fixtures";
import { commandAckTopic, commandTopic } from "../../domain/commands/protocol";
import { sendCommand } from "./send";

// The web app's sendCommand → broker → a device → its answer → ingest worker → row → NOTIFY, all real.
let db: Db;
let worker: IngestWorker;
let web: MqttClient;
let hub: LiveHub;
const events: LiveEvent[] = [];
const protocolVersion = () => inject("mqttProtocolVersion");
const connectClient = (name: string) =>
  mqtt.connectAsync(inject("mqttUrl"), {
    clientId: `it-${name}-${uniqueId()}`,
    protocolVersion: protocolVersion(),
  });
const commandOf = async (device: TestDevice, id: string, timeoutMs?: number) =>
  (await listCommands(db.sql, device.id, { timeoutMs })).find((c) => c.id === id);

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  worker = await startSuiteWorker();
  web = await connectClient("web");
  hub = new LiveHub(db.sql);
  await hub.ready;
  hub.subscribe((e) => events.push(e));
  await waitUntilIngesting(
    db.sql,
    (topic, payload) => web.publishAsync(topic, payload, { qos: 1 }),
    await createTestDevice(db.sql),
  );
});

afterAll(async () => {
  await web?.endAsync();
  await worker?.stop();
  await db?.close();
});

describe("commands", () => {
  it("reach a simulated valve, whose answer the worker records, announces and whose telemetry follows", async () => {
    const device = await createTestDevice(db.sql, [{ name: "valve", min: 0, max: 1 }]);
    const demo: DemoDevice = {
      index: 0,
      key: device.key,
      name: "Field 1",
      siteSlug: "farm",
      typeSlug: "soil-sensor",
      location: "",
      payloadStyle: "nested-json",
    };
    let connected!: () => void;
    const online = new Promise<void>((resolve) => (connected = resolve));
    const sim = new SimulatedDevice(demo, createRng(1), {
      mqttUrl: inject("mqttUrl"),
      intervalMs: 60_000,
      dropoutChance: 0,
      counters: { sent: 0 },
      onConnect: () => connected(),
      onError: () => {},
    });
    sim.connect();
    await online;
    try {
      // Its subscription is asynchronous too: send until one is answered.
      const sent = await waitFor(
        async () => {
          const s = await sendCommand(db.sql, web, {
            device,
            command: { action: "open_valve" },
            sentBy: null,
          });
          expect(s.status).toBe("sent");
          return waitFor(
            async () => ((await commandOf(device, s.id))?.status === "acknowledged" ? s : undefined),
            2000,
          ).catch(() => undefined);
        },
        20_000,
        "the simulated device to answer",
      );
      const row = await commandOf(device, sent.id);
      expect(row).toMatchObject({
        status: "acknowledged",
        command: { action: "open_valve" },
        response: { ok: true, valve: "open" },
      });
      expect(row!.ackedAt!.getTime()).toBeGreaterThanOrEqual(row!.sentAt.getTime());
      await waitFor(
        async () =>
          events.some((e) => e.type === "command" && e.commandId === sent.id && e.status === "acknowledged")
            ? true
            : undefined,
        5000,
        "the command event",
      );
      expect(
        events.find((e) => e.type === "command" && e.commandId === sent.id && e.status === "acknowledged")
          ?.device,
      ).toBe(device.key);
      // The device reports its new state at once: valve 1.
      const valve = await waitFor(
        async () => {
          const [r] = await db.sql<
            { value: number }[]
          >`select latest_value as value from series where device_id = ${device.id} and metric = 'valve'`;
          return r?.value ?? undefined;
        },
        5000,
        "the valve reading",
      );
      expect(valve).toBe(1);

      const unknown = await sendCommand(db.sql, web, {
        device,
        command: { action: "self_destruct" },
        sentBy: null,
      });
      await waitFor(
        async () => ((await commandOf(device, unknown.id))?.status === "acknowledged" ? true : undefined),
        5000,
        "the answer",
      );
      expect((await commandOf(device, unknown.id))?.response).toEqual({
        ok: false,
        error: "unknown command",
      });
    } finally {
      await sim.stop();
    }
  });

  it("shows an unanswered command as timed out after the timeout, and a late answer still counts", async () => {
    const device = await createTestDevice(db.sql);
    const sent = await sendCommand(db.sql, web, { device, command: { action: "ping" }, sentBy: null });
    expect((await commandOf(device, sent.id, 200))?.status).toBe("sent");
    await new Promise((r) => setTimeout(r, 400));
    expect((await commandOf(device, sent.id, 200))?.status).toBe("timed_out");
    expect((await commandOf(device, sent.id))?.status).toBe("sent"); // the real timeout is 30 s

    await web.publishAsync(
      commandAckTopic(device.key),
      JSON.stringify({ id: sent.id, ok: true, late: true }),
      { qos: 1 },
    );
    await waitFor(
      async () => ((await commandOf(device, sent.id, 200))?.status === "acknowledged" ? true : undefined),
      5000,
      "the late answer",
    );
    expect((await commandOf(device, sent.id, 200))?.response).toEqual({ ok: true, late: true });
  });

  it("ignores an answer to another device's command, and quarantines a malformed one", async () => {
    const [owner, other] = [await createTestDevice(db.sql), await createTestDevice(db.sql)];
    const sent = await sendCommand(db.sql, web, { device: owner, command: { action: "ping" }, sentBy: null });
    await web.publishAsync(commandAckTopic(other.key), JSON.stringify({ id: sent.id, ok: true }), { qos: 1 });
    await web.publishAsync(commandAckTopic(owner.key), "done!", { qos: 1 });
    // The malformed answer came after the foreign one on the same connection: once it is quarantined, both were handled.
    const [quarantined] = await waitFor(
      async () => {
        const rows = await db.sql<
          { reason: string; detail: string }[]
        >`select reason, detail from quarantine where topic = ${commandAckTopic(owner.key)}`;
        return rows.length > 0 ? rows : undefined;
      },
      5000,
      "the quarantine row",
    );
    expect(quarantined).toEqual({ reason: "malformed", detail: "a command answer must be JSON" });
    const [seen] = await db.sql<
      { last_seen_at: Date | null }[]
    >`select last_seen_at from devices where id = ${other.id}`;
    expect(seen!.last_seen_at).not.toBeNull(); // the foreign answer did arrive
    expect(await commandOf(owner, sent.id)).toMatchObject({ status: "sent", ackedAt: null, response: null });
  });

  it("fails with a clear reason, and marks the command failed, when no broker takes it", async () => {
    const device = await createTestDevice(db.sql);
    const nowhere = mqtt.connect(`mqtt://127.0.0.1:${await freePort()}`, {
      reconnectPeriod: 200,
      connectTimeout: 500,
    });
    nowhere.on("error", () => {});
    try {
      const started = Date.now();
      const sent = await sendCommand(db.sql, nowhere, {
        device,
        command: { action: "ping" },
        sentBy: null,
        publishTimeoutMs: 500,
      });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(sent).toMatchObject({
        status: "failed",
        error: expect.stringContaining("did not take the command"),
      });
      expect((await commandOf(device, sent.id))?.status).toBe("failed");
      // Never queued for whenever a broker appears.
      expect(Object.keys(nowhere.outgoing)).toEqual([]);
      const noBroker = await sendCommand(db.sql, null, { device, command: { action: "ping" }, sentBy: null });
      expect(noBroker).toMatchObject({ status: "failed", error: expect.stringContaining("MQTT_URL") });
    } finally {
      nowhere.end(true);
    }
  });

  it("withdraws a command the broker doesn't acknowledge, so a reconnect can't send it late", async () => {
    const device = await createTestDevice(db.sql);
    // A "broker" that accepts the connection (CONNACK) and then never acknowledges anything.
    const silent = net.createServer((socket) =>
      socket.once("data", () => socket.write(Buffer.from([0x20, 0x02, 0x00, 0x00]))),
    );
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    try {
      const sent = await sendCommand(db.sql, client, {
        device,
        command: { action: "ping" },
        sentBy: null,
        publishTimeoutMs: 300,
      });
      expect(sent).toMatchObject({
        status: "failed",
        error: expect.stringContaining("no acknowledgement within 0.3 s"),
      });
      expect(Object.keys(client.outgoing)).toEqual([]);
    } finally {
      client.end(true);
      silent.close();
    }
  });

  it("publishes {id, ...command} QoS 1 on the device's command topic", async () => {
    const device = await createTestDevice(db.sql);
    const listener = await connectClient("device");
    try {
      await listener.subscribeAsync(commandTopic(device.key), { qos: 1 });
      const received = new Promise<{ payload: string; qos: number }>((resolve) =>
        listener.on("message", (_t, payload, packet) =>
          resolve({ payload: payload.toString(), qos: packet.qos }),
        ),
      );
      const sent = await sendCommand(db.sql, web, {
        device,
        command: { action: "set", value: 3 },
        sentBy: null,
      });
      const message = await received;
      expect(JSON.parse(message.payload)).toEqual({ id: sent.id, action: "set", value: 3 });
      expect(message.qos).toBe(1);
    } finally {
      await listener.endAsync();
    }
  });
});
