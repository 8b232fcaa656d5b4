import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { startIngestWorker, type IngestWorker } from "../../../ingest/worker";
import { connectDb, type Db } from "../db/connect";
import { runSimulator } from "../../../scripts/demo/simulator";
import { demoDeviceToken, generateDeviceToken, hashDeviceToken } from "../../domain/devices/credentials";
import { startEmbeddedBroker, type RunningBroker } from "../../../scripts/embedded/broker";
import { freePort } from "../../../scripts/embedded/ports";
import { createLogger } from "../log";
import {
  countReadings,
  createTestDevice,
  uniqueId,
  waitFor,
  waitUntilIngesting,
  type TestDevice,
} from "../../../test/support/fixtures";
import { testWorkerConfig } from "../../../test/support/ingest-config";
import { createMqttAuthenticator } from "./authenticator";

// The embedded aedes with authentication on, a real PostgreSQL and the real ingest worker.
const CACHE_MS = 500;
const service = { username: `svc-${uniqueId()}`, password: `svc-password-${uniqueId()}` };
let db: Db;
let broker: RunningBroker;
let worker: IngestWorker;
let servicePublisher: MqttClient;
const clients: MqttClient[] = [];

interface Provisioned extends TestDevice {
  token: string;
}

async function provision(): Promise<Provisioned> {
  const device = await createTestDevice(db.sql, [{ name: "temperature" }, { name: "marker" }]);
  const { token, hash } = generateDeviceToken();
  await db.sql`insert into device_tokens (device_id, token_hash) values (${device.id}, ${hash})`;
  return { ...device, token };
}

async function connect(options: IClientOptions): Promise<MqttClient> {
  const client = await mqtt.connectAsync(broker.url, {
    clientId: `it-${uniqueId()}`,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ...options,
  });
  clients.push(client);
  return client;
}

/** The CONNACK return code a refused connection got (4 bad credentials, 5 not authorised, 2 identifier rejected). */
async function refusal(options: IClientOptions): Promise<number> {
  const client = await connect(options).catch((err: { code?: number }) => err);
  if ("connected" in client) throw new Error("the broker let this client in");
  return client.code ?? -1;
}

/** The QoS the broker granted for one filter; 128 is "refused" (mqtt.js rejects then, with the SUBACK). */
const grantedQos = (client: MqttClient, filter: string) =>
  client.subscribeAsync(filter, { qos: 1 }).then(
    (granted) => granted[0]?.qos,
    (err: { packet?: { granted?: number[] } }) => err.packet?.granted?.[0],
  );

const closed = (client: MqttClient) =>
  new Promise<void>((resolve) => (client.connected ? client.once("close", () => resolve()) : resolve()));

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  const authenticator = createMqttAuthenticator({ sql: db.sql, service, cacheMs: CACHE_MS });
  broker = await startEmbeddedBroker(await freePort(), "127.0.0.1", { authenticator, recheckMs: 300 });
  worker = await startIngestWorker(
    testWorkerConfig(inject("databaseUrl"), {
      url: broker.url,
      protocolVersion: 4,
      sharedGroup: "",
      ...service,
    }),
    createLogger("broker-auth-test", "warn"),
  );
  servicePublisher = await connect(service);
  const probe = await provision();
  await waitUntilIngesting(
    db.sql,
    (topic, payload) => servicePublisher.publishAsync(topic, payload, { qos: 1 }),
    probe,
  );
});

afterEach(async () => {
  await Promise.all(clients.splice(1).map((c) => c.endAsync(true)));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  await worker?.stop();
  await broker?.stop();
  await db?.close();
});

describe("embedded broker authentication", () => {
  it("refuses a wrong token, an unknown device, no credentials and a wrong service password", async () => {
    const device = await provision();
    expect(await refusal({ username: device.key, password: "fwd_wrong" })).toBe(4);
    expect(await refusal({ username: `nobody-${uniqueId()}`, password: device.token })).toBe(4);
    expect(await refusal({})).toBe(4);
    expect(await refusal({ username: service.username, password: "not-it" })).toBe(4);
    expect(await refusal({ username: service.username, password: device.token })).toBe(4);
  });

  it("lets a device publish its own telemetry, which is stored", async () => {
    const device = await provision();
    const client = await connect({ username: device.key, password: device.token });
    await client.publishAsync(`devices/${device.key}/telemetry`, '{"temperature": 21.5}', { qos: 1 });
    await waitFor(async () =>
      (await countReadings(db.sql, device.id, "temperature")) === 1 ? true : undefined,
    );
  });

  it("refuses device A publishing as device B: never delivered, nothing stored for B", async () => {
    const [a, b] = [await provision(), await provision()];
    const seen: string[] = [];
    const watcher = await connect(service);
    await watcher.subscribeAsync(`devices/${b.key}/#`, { qos: 1 });
    watcher.on("message", (_topic, payload) => seen.push(payload.toString()));
    const clientA = await connect({ username: a.key, password: a.token });
    const gone = closed(clientA);
    clientA.publish(`devices/${b.key}/telemetry`, '{"temperature": 99}', { qos: 0 });
    await gone; // aedes drops a client whose PUBLISH is not authorised
    // B's own message after it: once it is stored, A's would have been too.
    const clientB = await connect({ username: b.key, password: b.token });
    await clientB.publishAsync(`devices/${b.key}/telemetry`, '{"marker": 1}', { qos: 1 });
    await waitFor(async () => ((await countReadings(db.sql, b.id, "marker")) === 1 ? true : undefined));
    expect(await countReadings(db.sql, b.id, "temperature")).toBe(0);
    expect(seen).toEqual(['{"marker": 1}']);
  });

  it("refuses a device's commands topic as a publish, and a Last Will on another device's topic", async () => {
    const [a, b] = [await provision(), await provision()];
    expect(
      await refusal({
        username: a.key,
        password: a.token,
        will: { topic: `devices/${b.key}/status`, payload: Buffer.from("offline"), qos: 1, retain: true },
      }),
    ).toBe(5);
    const ownWill = await connect({
      username: a.key,
      password: a.token,
      will: { topic: `devices/${a.key}/status`, payload: Buffer.from("offline"), qos: 1, retain: true },
    });
    const gone = closed(ownWill);
    ownWill.publish(`devices/${a.key}/commands`, '{"fake": true}', { qos: 0 });
    await gone;
  });

  it("grants a device its own commands topic only: # and other devices get QoS 128", async () => {
    const [a, b] = [await provision(), await provision()];
    const clientA = await connect({ username: a.key, password: a.token });
    expect(await grantedQos(clientA, "#")).toBe(128);
    expect(await grantedQos(clientA, `devices/${b.key}/commands`)).toBe(128);
    expect(await grantedQos(clientA, "devices/+/commands")).toBe(128);
    expect(await grantedQos(clientA, `devices/${b.key}/telemetry`)).toBe(128);
    expect(await grantedQos(clientA, `devices/${a.key}/commands`)).toBe(1);
    expect(clientA.connected).toBe(true);
    const received: string[] = [];
    clientA.on("message", (topic) => received.push(topic));
    await servicePublisher.publishAsync(`devices/${b.key}/commands`, "{}", { qos: 1 });
    await servicePublisher.publishAsync(`devices/${a.key}/commands`, "{}", { qos: 1 });
    await waitFor(async () => (received.length > 0 ? true : undefined));
    expect(received).toEqual([`devices/${a.key}/commands`]);
  });

  it("cuts off a rotated token within seconds: the connected client is dropped and can't come back", async () => {
    const device = await provision();
    const client = await connect({ username: device.key, password: device.token });
    const gone = closed(client);
    const fresh = generateDeviceToken();
    await db.sql.begin(async (tx) => {
      await tx`update device_tokens set revoked_at = now() where device_id = ${device.id} and revoked_at is null`;
      await tx`insert into device_tokens (device_id, token_hash) values (${device.id}, ${fresh.hash})`;
    });
    const started = Date.now();
    await gone;
    expect(Date.now() - started).toBeLessThan(CACHE_MS + 3000);
    await new Promise((r) => setTimeout(r, CACHE_MS));
    expect(await refusal({ username: device.key, password: device.token })).toBe(4);
    expect((await connect({ username: device.key, password: fresh.token })).connected).toBe(true);
  });

  it("cuts off a disabled device within seconds", async () => {
    const device = await provision();
    const client = await connect({ username: device.key, password: device.token });
    const gone = closed(client);
    await db.sql`update devices set disabled = true where id = ${device.id}`;
    const started = Date.now();
    await gone;
    expect(Date.now() - started).toBeLessThan(CACHE_MS + 3000);
    await new Promise((r) => setTimeout(r, CACHE_MS));
    expect(await refusal({ username: device.key, password: device.token })).toBe(5);
  });

  it("lets a demo device in with the token derived from the installation's secret", async () => {
    const device = await createTestDevice(db.sql);
    const secret = `installation-secret-${uniqueId()}`;
    await db.sql`insert into device_tokens (device_id, token_hash) values (${device.id}, ${hashDeviceToken(demoDeviceToken(secret, device.key))})`;
    const demo = {
      index: 0,
      key: device.key,
      name: "demo",
      siteSlug: "farm",
      typeSlug: "soil-sensor",
      location: "",
      payloadStyle: "nested-json" as const,
    };
    const log = createLogger("broker-auth-test", "silent");
    // runSimulator resolves once a device is connected, and throws when none can within the timeout.
    await expect(
      runSimulator({
        mqttUrl: broker.url,
        devices: [demo],
        rate: 1,
        log,
        tokenSecret: `${secret}-not`,
        connectTimeoutMs: 1500,
        summaryEveryMs: 0,
      }),
    ).rejects.toThrow(/could connect/);
    const simulator = await runSimulator({
      mqttUrl: broker.url,
      devices: [demo],
      rate: 1,
      log,
      tokenSecret: secret,
      connectTimeoutMs: 5000,
      summaryEveryMs: 0,
      dropouts: false,
    });
    expect(simulator.stats().online).toBe(1);
    await simulator.stop();
  });

  it("keeps a client id with its owner: a device can't take over the service's session", async () => {
    const device = await provision();
    const clientId = `it-svc-${uniqueId()}`;
    const owner = await connect({ ...service, clientId });
    expect(await refusal({ username: device.key, password: device.token, clientId })).toBe(2);
    expect(
      await refusal({ username: device.key, password: device.token, clientId: "fieldwatch-ingest-anyhost" }),
    ).toBe(2);
    expect(owner.connected).toBe(true);
  });
});
