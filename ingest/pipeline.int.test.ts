import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../lib/server/db/connect";
import { LiveHub } from "../lib/server/live/hub";
import { createSseStream } from "../lib/server/live/sse";
import { createTestDevice, uniqueId, waitFor, type TestDevice } from "../test/support/fixtures";
import type { IngestWorker } from "./worker";
import { startSuiteWorker } from "../test/support/suite-worker";

// publish → ingest worker → row in PostgreSQL → NOTIFY → live hub → SSE bytes, all real.
let db: Db;
let worker: IngestWorker;
let publisher: MqttClient;
let hub: LiveHub;
let device: TestDevice;

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  const protocolVersion = inject("mqttProtocolVersion");
  worker = await startSuiteWorker();
  publisher = await mqtt.connectAsync(inject("mqttUrl"), {
    clientId: `it-pub-${uniqueId()}`,
    protocolVersion,
  });
  hub = new LiveHub(db.sql);
  await hub.ready;
  device = await createTestDevice(db.sql, [{ name: "temperature", unit: "°C", min: -40, max: 85 }]);
  // The worker's subscription is asynchronous; wait until a probe message makes it through.
  await waitFor(
    async () => {
      await publisher.publishAsync(`devices/${device.key}/telemetry/probe`, "1", { qos: 1 });
      const rows = await db.sql`select 1 from series where device_id = ${device.id} and metric = 'probe'`;
      return rows.length > 0 ? true : undefined;
    },
    20_000,
    "the worker to subscribe",
  );
});

afterAll(async () => {
  await publisher?.endAsync();
  await worker?.stop();
  await db?.close();
});

const readingsOf = (metric: string) => db.sql<{ ts: Date; value: number; flags: number }[]>`
  select r.ts, r.value, r.flags from readings r join series s on s.id = r.series_id
  where s.device_id = ${device.id} and s.metric = ${metric} order by r.ts`;

describe("ingest pipeline", () => {
  it("stores a flat JSON reading, notifies after commit and streams it as SSE", async () => {
    const controller = new AbortController();
    const stream = createSseStream({ hub, devices: new Set([device.key]), signal: controller.signal });
    const reader = stream
      .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
      .getReader();

    await publisher.publishAsync(
      `devices/${device.key}/telemetry`,
      JSON.stringify({ temperature: 21.5, nested: { humidity: 40 } }),
      { qos: 1 },
    );

    const rows = await waitFor(async () =>
      (await readingsOf("temperature")).length > 0 ? readingsOf("temperature") : undefined,
    );
    expect(rows.map((r) => r.value)).toEqual([21.5]);
    expect((await readingsOf("nested.humidity")).map((r) => r.value)).toEqual([40]);

    let text = "";
    while (!text.includes('"metric":"temperature"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    // Both readings of the message: the first at once, the second paced into a `readings` event.
    const sent = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].flatMap(([, event, data]) => {
      const parsed = JSON.parse(data!) as {
        device: string;
        metric: string;
        value: number;
        readings?: { metric: string; value: number }[];
      };
      return event === "readings"
        ? parsed.readings!.map((r) => ({ device: parsed.device, metric: r.metric, value: r.value }))
        : [{ device: parsed.device, metric: parsed.metric, value: parsed.value }];
    });
    expect(sent).toContainEqual({ device: device.key, metric: "temperature", value: 21.5 });
    controller.abort();
    expect(hub.listenerCount).toBe(0);
  });

  it("stores ThingsBoard-style payloads by device time and keeps the newest as latest", async () => {
    const t = Date.now() - 60_000;
    const send = (ts: number, value: number) =>
      publisher.publishAsync(
        `devices/${device.key}/telemetry`,
        JSON.stringify({ ts, values: { pressure: value } }),
        { qos: 1 },
      );
    await send(t, 1000);
    await send(t - 30_000, 990); // arrives late: stored in place, must not become the latest value
    await waitFor(async () => ((await readingsOf("pressure")).length === 2 ? true : undefined));
    const rows = await readingsOf("pressure");
    expect(rows.map((r) => [r.ts.getTime(), r.value])).toEqual([
      [t - 30_000, 990],
      [t, 1000],
    ]);
    const [latest] =
      await db.sql`select latest_ts, latest_value from series where device_id = ${device.id} and metric = 'pressure'`;
    expect([latest!.latest_ts.getTime(), latest!.latest_value]).toEqual([t, 1000]);
  });

  it("writes a redelivered reading once", async () => {
    const payload = JSON.stringify({ ts: Date.now() - 5000, values: { dup: 7 } });
    for (let i = 0; i < 3; i++)
      await publisher.publishAsync(`devices/${device.key}/telemetry`, payload, { qos: 1 });
    await publisher.publishAsync(`devices/${device.key}/telemetry/dup_done`, "1", { qos: 1 });
    await waitFor(async () => ((await readingsOf("dup_done")).length > 0 ? true : undefined));
    expect((await readingsOf("dup")).length).toBe(1);
  });

  it("quarantines what it can't use, with the reason and the exact bytes", async () => {
    const stranger = `nobody-${uniqueId()}`;
    const garbage = Buffer.from([0x7b, 0xff, 0x00, 0x22]);
    await publisher.publishAsync(`devices/${stranger}/telemetry`, '{"temperature": 20}', { qos: 1 });
    await publisher.publishAsync(`devices/${device.key}/telemetry`, garbage, { qos: 1 });
    await publisher.publishAsync(`devices/${device.key}/telemetry`, '{"temperature": -273.15}', { qos: 1 });
    const rows = await waitFor(async () => {
      const found = await db.sql<{ device_key: string; reason: string; payload: Buffer; detail: string }[]>`
        select device_key, reason, payload, detail from quarantine where device_key in (${stranger}, ${device.key}) order by id`;
      return found.length >= 3 ? found : undefined;
    });
    expect(rows.map((r) => [r.device_key, r.reason])).toEqual([
      [stranger, "unknown_device"],
      [device.key, "malformed"],
      [device.key, "out_of_range"],
    ]);
    expect(Buffer.compare(rows[1]!.payload, garbage)).toBe(0);
    expect(rows[2]!.detail).toContain("temperature=-273.15");
    expect((await readingsOf("temperature")).some((r) => r.value === -273.15)).toBe(false);
  });

  it("moves a device online and offline, from its status topic and from silence, as live events", async () => {
    const quiet = await createTestDevice(db.sql, [{ name: "temperature" }]);
    await db.sql`update devices set inactivity_timeout_s = 1 where id = ${quiet.id}`;
    const events: string[] = [];
    const unsubscribe = hub.subscribe((e) => {
      if (e.device === quiet.key && e.type === "status") events.push(e.status);
    });
    const connectivity = async () =>
      (
        await db.sql<
          { connectivity: string | null }[]
        >`select connectivity from devices where id = ${quiet.id}`
      )[0]?.connectivity;
    try {
      expect(await connectivity()).toBeNull(); // never seen
      await publisher.publishAsync(`devices/${quiet.key}/telemetry`, '{"temperature": 20}', { qos: 1 });
      // Silent for longer than its 1 s timeout: the worker's sweep takes it offline.
      await waitFor(
        async () => (events.length >= 2 ? true : undefined),
        10_000,
        "online then offline by silence",
      );
      expect(events).toEqual(["online", "offline"]);
      await publisher.publishAsync(`devices/${quiet.key}/status`, "online", { qos: 1 });
      await waitFor(async () => (events.length >= 3 ? true : undefined), 10_000, "online again");
      await publisher.publishAsync(`devices/${quiet.key}/status`, "offline", { qos: 1 });
      await waitFor(
        async () => ((await connectivity()) === "offline" && events.length >= 4 ? true : undefined),
        10_000,
        "offline by its Last Will",
      );
      expect(events).toEqual(["online", "offline", "online", "offline"]);
    } finally {
      unsubscribe();
    }
  });
});
