import type { MqttClient } from "mqtt";
import { describe, expect, it } from "vitest";
import { runSimulator } from "../../../scripts/demo/simulator";
import { demoDeviceToken, generateDeviceToken, hashDeviceToken } from "../../domain/devices/credentials";
import { createLogger } from "../log";
import { countReadings, createTestDevice, uniqueId, waitFor } from "../../../test/support/fixtures";
import { closed, withAuthedBroker } from "../../../test/support/authed-broker";

// The embedded aedes with authentication on, a real PostgreSQL and the real ingest worker.
const CACHE_MS = 500;
const setup = withAuthedBroker({ cacheMs: CACHE_MS });
const { db, service, provision, connect, refusal } = setup;

/** The QoS the broker granted for one filter; 128 is "refused" (mqtt.js rejects then, with the SUBACK). */
const grantedQos = (client: MqttClient, filter: string) =>
  client.subscribeAsync(filter, { qos: 1 }).then(
    (granted) => granted[0]?.qos,
    (err: { packet?: { granted?: number[] } }) => err.packet?.granted?.[0],
  );

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
    await setup.servicePublisher.publishAsync(`devices/${b.key}/commands`, "{}", { qos: 1 });
    await setup.servicePublisher.publishAsync(`devices/${a.key}/commands`, "{}", { qos: 1 });
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
        mqttUrl: setup.broker.url,
        devices: [demo],
        rate: 1,
        log,
        tokenSecret: `${secret}-not`,
        connectTimeoutMs: 1500,
        summaryEveryMs: 0,
      }),
    ).rejects.toThrow(/could connect/);
    const simulator = await runSimulator({
      mqttUrl: setup.broker.url,
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

  it("keeps the service's sessions its own: a device can't take over a client id the service holds", async () => {
    const device = await provision();
    // An INGEST_CLIENT_ID that happens to be a device's key.
    const owner = await connect({ ...service, clientId: device.key, clean: false });
    expect(await refusal({ username: device.key, password: device.token })).toBe(2);
    expect(
      await refusal({ username: device.key, password: device.token, clientId: "fieldwatch-ingest-anyhost" }),
    ).toBe(2);
    expect(owner.connected).toBe(true);
  });
});
