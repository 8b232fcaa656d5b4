import { expect, test } from "@playwright/test";
import type { Db } from "../lib/server/db/connect";
import { uniqueId } from "../test/support/fixtures";
import { generateWebhookSecret } from "../lib/server/webhooks/signature";
import { apiRoutes } from "./support/api-routes";
import { createWorld, PERSONAS, type Persona, type World } from "./support/personas";
import { openDb } from "./support/stack";

// Every route under app/api × every kind of caller → the status each must get.
type Statuses = Record<Persona, number>;
interface Case {
  request: (w: World, who: Persona) => { path: string; body?: unknown };
  expect: Statuses;
}
const all = (n: number): Statuses => ({
  anonymous: n,
  otherViewer: n,
  viewer: n,
  operator: n,
  siteAdmin: n,
  globalAdmin: n,
});
const signedIn = (n: number): Statuses => ({ ...all(n), anonymous: 401 });
const farmReaders: Statuses = { ...signedIn(200), otherViewer: 404 };
const operators = (ok: number): Statuses => ({
  ...signedIn(403),
  operator: ok,
  siteAdmin: ok,
  globalAdmin: ok,
});
const adminsOnly = (ok: number, others: number): Statuses => ({
  ...signedIn(others),
  siteAdmin: ok,
  globalAdmin: ok,
});

const CASES: Record<string, Case> = {
  "GET /api/health": { request: () => ({ path: "/api/health" }), expect: all(200) },
  "GET /api/devices": { request: () => ({ path: "/api/devices" }), expect: signedIn(200) },
  "GET /api/devices/[key]": {
    request: (w) => ({ path: `/api/devices/${w.farm.deviceKey}` }),
    expect: farmReaders,
  },
  "GET /api/devices/[key]/latest": {
    request: (w) => ({ path: `/api/devices/${w.farm.deviceKey}/latest` }),
    expect: farmReaders,
  },
  "GET /api/devices/[key]/readings": {
    request: (w) => ({ path: `/api/devices/${w.farm.deviceKey}/readings?metric=t` }),
    expect: farmReaders,
  },
  "GET /api/export": {
    request: (w) => ({ path: `/api/export?device=${w.farm.deviceKey}&metric=t` }),
    expect: farmReaders,
  },
  "GET /api/stream": {
    request: (w) => ({ path: `/api/stream?devices=${w.farm.deviceKey}` }),
    expect: farmReaders,
  },
  "POST /api/devices": {
    request: (w, who) => ({
      path: "/api/devices",
      body: { key: `new-${who.toLowerCase()}-${uniqueId()}`, name: "New device", site: w.farm.slug },
    }),
    expect: adminsOnly(201, 403),
  },
  "PATCH /api/devices/[key]": {
    request: (w) => ({ path: `/api/devices/${w.farm.deviceKey}`, body: { name: "Farm device" } }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  // Without ?data=keep|drop: those allowed get 400 (the choice is required), the farm device stays.
  "DELETE /api/devices/[key]": {
    request: (w) => ({ path: `/api/devices/${w.farm.deviceKey}` }),
    expect: { ...adminsOnly(400, 403), otherViewer: 404 },
  },
  "POST /api/devices/[key]/token": {
    request: (w) => ({ path: `/api/devices/${w.farm.deviceKey}/token`, body: {} }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  "GET /api/devices/[key]/commands": {
    request: (w) => ({ path: `/api/devices/${w.farm.deviceKey}/commands` }),
    expect: farmReaders,
  },
  "POST /api/devices/[key]/commands": {
    request: (w) => ({
      path: `/api/devices/${w.farm.deviceKey}/commands`,
      body: { command: { action: "ping" } },
    }),
    expect: { ...operators(201), otherViewer: 404 },
  },
  "POST /api/devices/import": {
    request: (w, who) => ({
      path: "/api/devices/import?dryRun=1",
      body: { csv: `key,name,site\nimp-${who.toLowerCase()}-${uniqueId()},Imported,${w.farm.slug}\n` },
    }),
    expect: adminsOnly(200, 403),
  },
  "GET /api/devices/unprovisioned": {
    request: () => ({ path: "/api/devices/unprovisioned" }),
    expect: adminsOnly(200, 403),
  },
  "POST /api/devices/unprovisioned/[key]/provision": {
    request: (w, who) => ({
      path: `/api/devices/unprovisioned/seen-${who.toLowerCase()}-${uniqueId()}/provision`,
      body: { name: "Seen", site: w.farm.slug },
    }),
    expect: adminsOnly(201, 403),
  },
  // For brokers, not people: off (503) unless MQTT_AUTH_SECRET is set, whoever asks.
  "POST /api/mqtt/auth": {
    request: () => ({ path: "/api/mqtt/auth", body: { username: "x", password: "y" } }),
    expect: all(503),
  },
  "POST /api/mqtt/acl": {
    request: () => ({
      path: "/api/mqtt/acl",
      body: { username: "x", topic: "devices/x/telemetry", action: "publish" },
    }),
    expect: all(503),
  },
  "GET /api/device-types": { request: () => ({ path: "/api/device-types" }), expect: signedIn(200) },
  "POST /api/device-types": {
    request: (_w, who) => ({
      path: "/api/device-types",
      body: { slug: `t-${who.toLowerCase()}-${uniqueId()}`, name: "New type" },
    }),
    expect: { ...signedIn(403), globalAdmin: 201 },
  },
  "PATCH /api/device-types/[slug]": {
    request: () => ({ path: "/api/device-types/no-such-type", body: { name: "x" } }),
    expect: { ...signedIn(403), globalAdmin: 404 },
  },
  "GET /api/alert-rules": { request: () => ({ path: "/api/alert-rules" }), expect: signedIn(200) },
  // Another site's people don't learn the farm exists: its name is as unknown to them as a made-up one.
  "POST /api/alert-rules": {
    request: (w) => ({
      path: "/api/alert-rules",
      body: { name: "Dry", site: w.farm.slug, metric: "moisture", comparison: "below", threshold: 20 },
    }),
    expect: { ...operators(201), otherViewer: 422 },
  },
  "POST /api/alert-rules/preview": {
    request: (w) => ({
      path: "/api/alert-rules/preview",
      body: { name: "Dry", site: w.farm.slug, metric: "moisture", comparison: "below", threshold: 20 },
    }),
    expect: { ...operators(200), otherViewer: 422 },
  },
  "PATCH /api/alert-rules/[id]": {
    request: (w) => ({ path: `/api/alert-rules/${w.farm.ruleId}`, body: { name: "Too warm" } }),
    expect: { ...operators(200), otherViewer: 404 },
  },
  "DELETE /api/alert-rules/[id]": {
    request: () => ({ path: "/api/alert-rules/00000000-0000-4000-8000-000000000000" }),
    expect: signedIn(404),
  },
  "GET /api/alerts": { request: () => ({ path: "/api/alerts" }), expect: signedIn(200) },
  "POST /api/alerts/[id]/ack": {
    request: () => ({ path: "/api/alerts/00000000-0000-4000-8000-000000000000/ack", body: {} }),
    expect: signedIn(404),
  },
  // The farm's endpoint points at a loopback address: a permitted test send or redeliver is
  // refused before any network traffic and answers 200 with the failed attempt.
  "GET /api/webhooks": { request: () => ({ path: "/api/webhooks" }), expect: signedIn(200) },
  "POST /api/webhooks": {
    request: (w) => ({
      path: "/api/webhooks",
      body: { name: "Matrix hook", url: "https://93.184.215.14/hook", site: w.farm.slug },
    }),
    expect: { ...adminsOnly(201, 403), otherViewer: 422 },
  },
  "GET /api/webhooks/[id]": {
    request: () => ({ path: `/api/webhooks/${farmHook.id}` }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  "PATCH /api/webhooks/[id]": {
    request: () => ({ path: `/api/webhooks/${farmHook.id}`, body: { name: "Farm hook" } }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  "DELETE /api/webhooks/[id]": {
    request: () => ({ path: "/api/webhooks/00000000-0000-4000-8000-000000000000" }),
    expect: signedIn(404),
  },
  "GET /api/webhooks/[id]/secret": {
    request: () => ({ path: `/api/webhooks/${farmHook.id}/secret` }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  "GET /api/webhooks/[id]/deliveries": {
    request: () => ({ path: `/api/webhooks/${farmHook.id}/deliveries` }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  "POST /api/webhooks/[id]/test": {
    request: () => ({ path: `/api/webhooks/${farmHook.id}/test`, body: {} }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  // One delivery per caller: two permitted redelivers of one delivery at once would race (409).
  "POST /api/webhooks/deliveries/[id]/redeliver": {
    request: (_w, who) => ({
      path: `/api/webhooks/deliveries/${farmHook.deliveries[who]}/redeliver`,
      body: {},
    }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
  },
  "GET /api/overview": { request: () => ({ path: "/api/overview" }), expect: signedIn(200) },
  "GET /api/sites": { request: () => ({ path: "/api/sites" }), expect: signedIn(200) },
  "POST /api/sites": {
    request: (_w, who) => ({
      path: "/api/sites",
      body: { slug: `s-${who.toLowerCase()}-${uniqueId()}`, name: "New site" },
    }),
    expect: { ...signedIn(403), globalAdmin: 201 },
  },
  "GET /api/users": { request: () => ({ path: "/api/users" }), expect: adminsOnly(200, 403) },
  "POST /api/users": {
    request: (w, who) => ({
      path: "/api/users",
      body: {
        email: `new-${who.toLowerCase()}-${uniqueId()}@e2e.test`,
        name: "New",
        roles: [{ site: w.farm.slug, role: "viewer" }],
      },
    }),
    expect: adminsOnly(201, 403),
  },
  "PATCH /api/users/[id]": {
    request: (w) => ({ path: `/api/users/${w.people.viewer.id}`, body: { name: "Viewer" } }),
    expect: adminsOnly(200, 404),
  },
  "GET /api/tokens": { request: () => ({ path: "/api/tokens" }), expect: signedIn(200) },
  "POST /api/tokens": {
    request: () => ({ path: "/api/tokens", body: { name: "matrix", scope: "read" } }),
    expect: signedIn(201),
  },
  "DELETE /api/tokens/[id]": {
    request: () => ({ path: `/api/tokens/00000000-0000-4000-8000-000000000000` }),
    expect: signedIn(404),
  },
  "GET /api/quarantine": { request: () => ({ path: "/api/quarantine" }), expect: operators(200) },
  "GET /api/quarantine/[id]/payload": {
    request: (w) => ({ path: `/api/quarantine/${w.farm.quarantineId}/payload` }),
    expect: operators(200),
  },
  // The farm's quarantined message is malformed for good: a permitted replay answers 422.
  "POST /api/quarantine/[id]/replay": {
    request: (w) => ({ path: `/api/quarantine/${w.farm.quarantineId}/replay`, body: {} }),
    expect: operators(422),
  },
  "POST /api/quarantine/replay": {
    request: (w) => ({ path: "/api/quarantine/replay", body: { filter: { device: w.farm.deviceKey } } }),
    expect: operators(200),
  },
  "GET /api/audit": { request: () => ({ path: "/api/audit" }), expect: adminsOnly(200, 403) },
  "POST /api/profile/password": {
    request: () => ({
      path: "/api/profile/password",
      body: { currentPassword: "wrong", newPassword: "pasture gate at dawn" },
    }),
    expect: signedIn(422),
  },
  "POST /api/password-links/[token]": {
    request: () => ({
      path: "/api/password-links/not-a-real-link",
      body: { password: "pasture gate at dawn" },
    }),
    expect: all(404),
  },
  "GET /api/auth/[...nextauth]": { request: () => ({ path: "/api/auth/csrf" }), expect: all(200) },
  // Sign-in itself: the rate-limit and sign-in specs cover it; here only that it answers.
  "POST /api/auth/[...nextauth]": {
    request: () => ({ path: "/api/auth/callback/credentials", body: "form" }),
    expect: all(200),
  },
};

let db: Db;
let world: World;
let farmHook: { id: string; deliveries: Record<Persona, string> };
test.beforeAll(async () => {
  db = openDb();
  world = await createWorld(db);
  const [hook] = await db.sql<{ id: string }[]>`
    insert into webhooks (site_id, name, url, secret) values (${world.farm.id}, 'Farm hook', 'http://127.0.0.1:9/hook', ${generateWebhookSecret()}) returning id`;
  const deliveries = {} as Record<Persona, string>;
  for (const who of PERSONAS) {
    const [d] = await db.sql<{ id: string }[]>`
      insert into webhook_deliveries (webhook_id, message_id, event_type, payload, status)
      values (${hook!.id}, ${`msg_${uniqueId()}${uniqueId()}`}, 'webhook.test', '{}'::jsonb, 'failed') returning id`;
    deliveries[who] = d!.id;
  }
  farmHook = { id: hook!.id, deliveries };
});
test.afterAll(() => db.close());

async function call(
  baseURL: string,
  method: string,
  c: Case,
  who: Persona,
  extra: Record<string, string> = {},
) {
  const { path, body } = c.request(world, who);
  const headers: Record<string, string> = { ...extra };
  if (who !== "anonymous") headers.authorization = `Bearer ${world.people[who].token}`;
  let payload: string | undefined;
  if (body === "form") {
    headers["content-type"] = "application/x-www-form-urlencoded";
    payload = new URLSearchParams({ email: "nobody@e2e.test", password: "x", json: "true" }).toString();
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const controller = new AbortController();
  const res = await fetch(baseURL + path, {
    method,
    headers,
    body: payload,
    signal: controller.signal,
    redirect: "manual",
  });
  controller.abort(); // streams (SSE) never end by themselves; the status is all we need
  return res.status;
}

test("every API route has an authorisation case", () => {
  const missing = apiRoutes().filter((r) => !(r in CASES));
  expect(missing, "add these routes to CASES in e2e/authz-matrix.spec.ts").toEqual([]);
});

for (const [route, c] of Object.entries(CASES)) {
  test(`authorisation: ${route}`, async ({ baseURL }) => {
    const method = route.split(" ")[0]!;
    const got = Object.fromEntries(
      await Promise.all(PERSONAS.map(async (who) => [who, await call(baseURL!, method, c, who)])),
    );
    expect(got).toEqual(c.expect);
    // A forged internal header must not let anyone past (CVE-2025-29927 style).
    const forged = await call(baseURL!, method, c, "anonymous", {
      "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy",
    });
    expect(forged).toBe(c.expect.anonymous);
  });
}
