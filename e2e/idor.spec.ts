import { expect, test } from "@playwright/test";
import type { MqttClient } from "mqtt";
import type { Db } from "../lib/server/db/connect";
import { apiAs } from "./support/api";
import { createWorld, type World } from "./support/personas";
import { connectPublisher, openDb } from "./support/stack";

// Keys and ids of another site, in paths, query strings and bodies: always 404 (or nothing listed).
let db: Db;
let world: World;
let publisher: MqttClient;
test.beforeAll(async () => {
  db = openDb();
  world = await createWorld(db);
  publisher = await connectPublisher();
});
test.afterAll(async () => {
  await publisher.endAsync();
  await db.close();
});

test("a farm viewer gets 404 for every factory device route", async ({ baseURL }) => {
  const api = apiAs(baseURL!, world.people.viewer.token);
  const key = world.factory.deviceKey;
  for (const path of [
    `/api/devices/${key}`,
    `/api/devices/${key}/latest`,
    `/api/devices/${key}/readings?metric=t`,
    `/api/stream?devices=${key}`,
    `/api/stream?devices=${world.farm.deviceKey},${key}`,
  ]) {
    const res = await api("GET", path);
    expect(res.status, path).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  }
});

test("lists show nothing from another site, whatever the filter", async ({ baseURL }) => {
  const api = apiAs(baseURL!, world.people.viewer.token);
  const keys = async (query: string) =>
    (await api("GET", `/api/devices${query}`)).json.items.map((d: { key: string }) => d.key);
  expect(await keys("?pageSize=200")).toEqual([world.farm.deviceKey]);
  expect(await keys(`?site=${world.factory.slug}`)).toEqual([]);
  expect(await keys(`?q=${world.factory.deviceKey}`)).toEqual([]);
  expect((await api("GET", "/api/sites")).json.items.map((s: { slug: string }) => s.slug)).toEqual([
    world.farm.slug,
  ]);
});

test("a farm admin can't see, change or grant roles on factory people and sites", async ({ baseURL }) => {
  const api = apiAs(baseURL!, world.people.siteAdmin.token);
  expect((await api("PATCH", `/api/users/${world.people.otherViewer.id}`, { name: "x" })).status).toBe(404);
  expect((await api("PATCH", `/api/users/${world.people.globalAdmin.id}`, { disabled: true })).status).toBe(
    404,
  );
  const grant = await api("PATCH", `/api/users/${world.people.viewer.id}`, {
    roles: [{ site: world.factory.slug, role: "admin" }],
  });
  expect(grant.status).toBe(422);
  const create = await api("POST", "/api/users", {
    email: `x-${Date.now()}@e2e.test`,
    name: "X",
    roles: [{ site: world.factory.slug, role: "viewer" }],
  });
  expect(create.status).toBe(422);
  const users = (await api("GET", "/api/users")).json.items as { id: string; roles: { site: string }[] }[];
  expect(users.map((u) => u.id)).not.toContain(world.people.otherViewer.id);
  expect(users.flatMap((u) => u.roles.map((r) => r.site)).every((s) => s === world.farm.slug)).toBe(true);
  const audit = (await api("GET", "/api/audit?pageSize=200")).json.items as { site: string | null }[];
  expect(audit.every((a) => a.site === world.farm.slug)).toBe(true);
});

test("someone else's token id can't be revoked", async ({ baseURL }) => {
  const admin = apiAs(baseURL!, world.people.globalAdmin.token);
  const created = await admin("POST", "/api/tokens", { name: "keep", scope: "read" });
  expect(
    (await apiAs(baseURL!, world.people.viewer.token)("DELETE", `/api/tokens/${created.json.id}`)).status,
  ).toBe(404);
  expect((await apiAs(baseURL!, created.json.token)("GET", "/api/devices")).status).toBe(200);
});

test("the live stream carries no reading from another site", async ({ baseURL }) => {
  const controller = new AbortController();
  const res = await fetch(`${baseURL}/api/stream`, {
    headers: { authorization: `Bearer ${world.people.viewer.token}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = res
    .body!.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
    .getReader();
  // The factory reading is committed (and so notified) before the farm one is even sent: by the
  // time the farm event arrives, a leaked factory event would have arrived too.
  await publisher.publishAsync(`devices/${world.factory.deviceKey}/telemetry`, '{"secret": 1}', { qos: 1 });
  await expect
    .poll(
      async () =>
        (await db.sql`select 1 from series where device_id = ${world.factory.deviceId} and metric = 'secret'`)
          .length,
    )
    .toBe(1);
  await publisher.publishAsync(`devices/${world.farm.deviceKey}/telemetry`, '{"visible": 2}', { qos: 1 });
  let text = "";
  while (!text.includes(world.farm.deviceKey)) text += (await reader.read()).value ?? "";
  controller.abort();
  expect(text).not.toContain(world.factory.deviceKey);
});

test("a farm operator can't see or replay the factory's quarantined messages", async ({ baseURL }) => {
  const [row] = await db.sql<{ id: number }[]>`
    insert into quarantine (message_id, topic, device_key, device_id, payload, reason, detail)
    values (gen_random_uuid(), ${`devices/${world.factory.deviceKey}/telemetry`}, ${world.factory.deviceKey}, ${world.factory.deviceId}, ${Buffer.from('{"t": 1}')}, 'out_of_range', 'e2e')
    returning id::float8 as id`;
  const api = apiAs(baseURL!, world.people.operator.token);
  expect((await api("GET", `/api/quarantine/${row!.id}/payload`)).status).toBe(404);
  expect((await api("POST", `/api/quarantine/${row!.id}/replay`, {})).status).toBe(404);
  const listed = (await api("GET", `/api/quarantine?state=all&pageSize=200`)).json.items as {
    deviceKey: string;
  }[];
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.every((q) => q.deviceKey === world.farm.deviceKey)).toBe(true);
  expect((await api("GET", `/api/quarantine?device=${world.factory.deviceKey}`)).json.total).toBe(0);
  const replayAll = await api("POST", "/api/quarantine/replay", {
    filter: { device: world.factory.deviceKey },
  });
  expect(replayAll.json).toMatchObject({ replayed: 0, rejected: {}, remaining: 0 });
  const [after] = await db.sql<
    { replayed_at: Date | null }[]
  >`select replayed_at from quarantine where id = ${row!.id}`;
  expect(after!.replayed_at).toBeNull();
});
