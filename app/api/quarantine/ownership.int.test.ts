import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { writeBatch } from "@/lib/server/telemetry/write-batch";
import { createTestDevice, uniqueId, type TestDevice } from "@/test/support/fixtures";
import { callRoute, createCaller, createSite, type Caller, routeTestDb } from "@/test/support/api-caller";
import * as device from "../devices/[key]/route";
import * as devices from "../devices/route";
import * as list from "./route";
import * as payload from "./[id]/payload/route";
import * as replayAll from "./replay/route";

// Quarantined messages belong to the device they came for, not to its key: a key freed by
// dropping a device and given to another site's device brings none of the old site's payloads.
const db = routeTestDb();
let siteB: { id: string; slug: string };
let adminB: Caller;
let globalAdmin: Caller;

beforeAll(async () => {
  siteB = await createSite(db.sql);
  adminB = await createCaller(db.sql, { roles: [{ siteId: siteB.id, role: "admin" }] });
  globalAdmin = await createCaller(db.sql, { isAdmin: true });
});

/** Quarantines messages the way the ingest worker does: through writeBatch. */
async function quarantine(
  key: string,
  items: { deviceId: string | null; reason: string; topic?: string; body?: string }[],
) {
  await writeBatch(
    db.sql,
    {
      readings: [],
      seen: new Map(),
      connectivity: new Map(),
      quarantine: items.map((q) => ({
        messageId: randomUUID(),
        cut: null,
        topic: q.topic ?? `devices/${key}/telemetry`,
        deviceKey: key,
        deviceId: q.deviceId,
        payload: Buffer.from(q.body ?? `{"secret": "${key}"}`),
        reason: q.reason,
        detail: "test",
        receivedAt: Date.now(),
      })),
    },
    new Map(),
  );
  return (
    await db.sql<
      { id: number }[]
    >`select id::float8 as id from quarantine where device_key = ${key} order by id`
  ).map((r) => r.id);
}

async function siteAdminOf(d: TestDevice) {
  return createCaller(db.sql, { roles: [{ siteId: d.siteId, role: "admin" }] });
}
const listFor = (caller: Caller, key: string) =>
  callRoute(list.GET, caller, { method: "GET", path: `/api/quarantine?device=${key}&state=all` });
const drop = (caller: Caller, key: string, data: "keep" | "drop") =>
  callRoute(device.DELETE, caller, {
    method: "DELETE",
    path: `/api/devices/${key}?data=${data}`,
    params: { key },
  });
const provision = (caller: Caller, key: string, site: string) =>
  callRoute(devices.POST, caller, {
    method: "POST",
    path: "/api/devices",
    body: { key, name: "Next", site },
  });

describe("quarantined messages of a deleted device", () => {
  it("go with it on data=drop: the key's next device, at another site, sees and replays none of them", async () => {
    const old = await createTestDevice(db.sql, [{ name: "secret", min: 0, max: 1 }]);
    const adminA = await siteAdminOf(old);
    const ids = await quarantine(old.key, [
      { deviceId: old.id, reason: "malformed" },
      // A bad topic names the key but no device: it is the device's that has the key.
      { deviceId: null, reason: "bad_topic", topic: `devices/${old.key}/nope/nope` },
    ]);
    expect((await listFor(adminA, old.key)).body).toMatchObject({ total: 2 });

    expect((await drop(adminA, old.key, "drop")).status).toBe(204);
    expect(await db.sql`select 1 from quarantine where device_key = ${old.key}`).toHaveLength(0);

    expect((await provision(adminB, old.key, siteB.slug)).status).toBe(201);
    expect((await listFor(adminB, old.key)).body).toMatchObject({ total: 0, items: [] });
    for (const id of ids)
      expect(
        (
          await callRoute(payload.GET, adminB, {
            method: "GET",
            path: `/api/quarantine/${id}/payload`,
            params: { id: String(id) },
          })
        ).status,
      ).toBe(404);
    const replayed = await callRoute(replayAll.POST, adminB, {
      method: "POST",
      path: "/api/quarantine/replay",
      body: { filter: { device: old.key } },
    });
    expect(replayed.body).toMatchObject({ replayed: 0, remaining: 0 });
  });

  it("stay with it, and its site, on data=keep: the key stays taken", async () => {
    const kept = await createTestDevice(db.sql);
    const adminA = await siteAdminOf(kept);
    await quarantine(kept.key, [{ deviceId: kept.id, reason: "malformed" }]);
    expect((await drop(adminA, kept.key, "keep")).status).toBe(204);
    expect((await listFor(adminA, kept.key)).body).toMatchObject({ total: 1 });
    expect((await provision(adminB, kept.key, siteB.slug)).status).toBe(409);
    expect((await listFor(adminB, kept.key)).body).toMatchObject({ total: 0 });
  });

  it("a device deleted while the worker still had it cached leaves its late messages to global admins only", async () => {
    const gone = await createTestDevice(db.sql);
    const goneId = gone.id;
    await db.sql`delete from devices where id = ${goneId}`;
    await provision(adminB, gone.key, siteB.slug);
    await quarantine(gone.key, [{ deviceId: goneId, reason: "malformed" }]);
    expect((await listFor(adminB, gone.key)).body).toMatchObject({ total: 0 });
    expect((await listFor(globalAdmin, gone.key)).body).toMatchObject({ total: 1 });
  });
});

describe("messages of a key nobody had", () => {
  it("become the site's that provisions the key", async () => {
    const key = `unknown-${uniqueId()}`;
    await quarantine(key, [{ deviceId: null, reason: "unknown_device" }]);
    expect((await listFor(adminB, key)).body).toMatchObject({ total: 0 });
    expect((await provision(adminB, key, siteB.slug)).status).toBe(201);
    expect((await listFor(adminB, key)).body).toMatchObject({ total: 1 });
  });
});
