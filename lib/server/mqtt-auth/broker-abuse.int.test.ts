import type { MqttClient } from "mqtt";
import { describe, expect, it } from "vitest";
import { MQTT_MAX_PACKET_BYTES_DEFAULT } from "../../domain/telemetry/payload";
import { countReadings, waitFor } from "../../../test/support/fixtures";
import { closed, withAuthedBroker, type Provisioned } from "../../../test/support/authed-broker";

// Device X misbehaving on the embedded broker, as `npm start` runs it: whatever X does, device Y
// still connects, publishes, is stored, and keeps the status it gave itself.
const setup = withAuthedBroker({ cacheMs: 500 });
const { db, service, provision, connect, refusal } = setup;

const login = (device: Provisioned) => ({ username: device.key, password: device.token });

/** Y publishes a marker and it is stored: whatever X sent before it was handled by then. */
async function markerStored(client: MqttClient, device: Provisioned, value: number): Promise<void> {
  await client.publishAsync(`devices/${device.key}/telemetry`, JSON.stringify({ marker: value }), { qos: 1 });
  await waitFor(
    async () => ((await countReadings(db.sql, device.id, "marker")) >= value ? true : undefined),
    10_000,
    `marker ${value} of ${device.key}`,
  );
}

const connectivity = async (device: Provisioned) =>
  (await db.sql<{ c: string | null }[]>`select connectivity as c from devices where id = ${device.id}`)[0]?.c;

const quarantined = async (device: Provisioned) =>
  (
    await db.sql<{ n: number }[]>`select count(*)::int as n from quarantine where device_key = ${device.key}`
  )[0]!.n;

/** What the service sees on Y's topics, from now on. */
async function watch(device: Provisioned): Promise<string[]> {
  const seen: string[] = [];
  const watcher = await connect(service);
  watcher.on("message", (topic, payload) => seen.push(`${topic} ${payload.toString()}`));
  await watcher.subscribeAsync(`devices/${device.key}/#`, { qos: 1 });
  return seen;
}

describe("broker abuse: nothing device X does affects device Y", () => {
  it("refuses X using Y's key as its client id; Y still connects with it and publishes", async () => {
    const [x, y] = [await provision(), await provision()];
    // A persistent session under Y's id used to make the id X's until the broker restarted.
    expect(await refusal({ ...login(x), clientId: y.key, clean: false })).toBe(2);
    expect(await refusal({ ...login(x), clientId: `${y.key}.second`, clean: false })).toBe(2);
    const clientY = await connect({ ...login(y), clean: false });
    // Nor can X take the id over while Y holds it (the broker would hand X Y's connection).
    expect(await refusal({ ...login(x), clientId: y.key })).toBe(2);
    await markerStored(clientY, y, 1);
    expect(clientY.connected).toBe(true);
    // X's own ids: its key, or `{key}.{suffix}` for a second connection.
    expect((await connect({ ...login(x), clientId: `${x.key}.commands` })).connected).toBe(true);
  });

  it("refuses a Last Will on Y's status topic: Y stays online", async () => {
    const [x, y] = [await provision(), await provision()];
    const seen = await watch(y);
    const clientY = await connect(login(y));
    await clientY.publishAsync(`devices/${y.key}/status`, "online", { qos: 1, retain: true });
    await waitFor(async () => ((await connectivity(y)) === "online" ? true : undefined));
    const will = {
      topic: `devices/${y.key}/status`,
      payload: Buffer.from("offline"),
      qos: 1 as const,
      retain: true,
    };
    expect(await refusal({ ...login(x), will })).toBe(5);
    await markerStored(clientY, y, 1);
    expect(await connectivity(y)).toBe("online");
    expect(seen.filter((s) => s.includes("/status"))).toEqual([`devices/${y.key}/status online`]);
  });

  it("drops X's publish on Y's topics: never delivered, nothing stored, Y unaffected", async () => {
    const [x, y] = [await provision(), await provision()];
    const seen = await watch(y);
    const clientY = await connect(login(y));
    await clientY.publishAsync(`devices/${y.key}/status`, "online", { qos: 1, retain: true });
    await waitFor(async () => ((await connectivity(y)) === "online" ? true : undefined));
    const clientX = await connect(login(x));
    const gone = closed(clientX);
    clientX.publish(`devices/${y.key}/telemetry`, '{"temperature": 99}', { qos: 1 });
    clientX.publish(`devices/${y.key}/status`, "offline", { qos: 1 });
    await gone; // a forbidden PUBLISH drops the connection
    await markerStored(clientY, y, 1);
    expect(await countReadings(db.sql, y.id, "temperature")).toBe(0);
    expect(await connectivity(y)).toBe("online");
    expect(seen).toEqual([`devices/${y.key}/status online`, `devices/${y.key}/telemetry {"marker":1}`]);
    expect(clientY.connected).toBe(true);
  });

  it("closes X's connection on a packet over the limit: nothing stored, Y unaffected, X may come back", async () => {
    const [x, y] = [await provision(), await provision()];
    const clientY = await connect(login(y));
    await markerStored(clientY, y, 1);
    const clientX = await connect(login(x));
    clientX.on("error", () => {}); // the broker hangs up mid-packet
    clientX.publish(`devices/${x.key}/telemetry`, Buffer.alloc(MQTT_MAX_PACKET_BYTES_DEFAULT, 0x31), {
      qos: 1,
    });
    await waitFor(async () => (clientX.connected ? undefined : true), 10_000, "the broker to close X");
    await markerStored(clientY, y, 2);
    expect(clientY.connected).toBe(true);
    // X's next message comes after the oversized one would have: once it is stored, that was not.
    const again = await connect({ ...login(x), clientId: `${x.key}.again` });
    await markerStored(again, x, 1);
    expect(await countReadings(db.sql, x.id)).toBe(1);
    expect(await quarantined(x)).toBe(0);
  });
});
