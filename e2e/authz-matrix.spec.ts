import { expect, test } from "@playwright/test";
import type { Db } from "../lib/server/db/connect";
import { generateApiToken } from "../lib/domain/auth/api-tokens";
import { uniqueId } from "../test/support/fixtures";
import { generateWebhookSecret } from "../lib/server/webhooks/signature";
import { apiRoutes } from "./support/api-routes";
import { createWorld, PERSONAS, type Persona, type World } from "./support/personas";
import { postSignIn } from "./support/raw-http";
import { openDb } from "./support/stack";

// Every route under app/api × every kind of caller × every way of calling → the status each must
// get. The ways: a read-write token, a read-only token, the session cookie from the app's own
// origin, and the session cookie from another site (Origin: https://evil.example).
const MODES = ["token", "readToken", "session", "crossSite"] as const;
type Mode = (typeof MODES)[number];

type Statuses = Record<Exclude<Persona, "twoSites">, number> & { twoSites?: number };
interface Case {
  /** Called once per persona and mode: a case that destroys what it names makes a fresh one each time. */
  request: (
    w: World,
    who: Persona,
    mode: Mode,
  ) => { path: string; body?: unknown } | Promise<{ path: string; body?: unknown }>;
  /** With a read-write token. `twoSites` (farm viewer, factory admin) defaults to the farm viewer's. */
  expect: Statuses;
  /** Where a session gets another answer than a token. */
  session?: Partial<Statuses>;
  /** No caller is checked (health, sign-in, broker hooks): one call per persona is enough. */
  public?: true;
  /** A POST that changes nothing (a preview): read-only tokens and other origins may make it. */
  writesNothing?: true;
  /** Each session call signs in anew (the call ends the session). */
  freshSession?: true;
  /** A GET that answers a secret: read-only tokens are refused. */
  secret?: true;
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

// `twoSites` (farm viewer, factory admin) answers as the farm viewer, except where a right it
// holds at the factory opens a route: there it sees only the factory's (the farm's row is 404,
// the farm's slug an unknown site, 422).
const CASES: Record<string, Case> = {
  "GET /api/health": { request: () => ({ path: "/api/health" }), expect: all(200), public: true },
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
    expect: { ...adminsOnly(200, 403), twoSites: 200 },
  },
  "GET /api/devices/unprovisioned": {
    request: () => ({ path: "/api/devices/unprovisioned" }),
    expect: { ...adminsOnly(200, 403), twoSites: 200 },
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
    public: true,
  },
  "POST /api/mqtt/acl": {
    request: () => ({
      path: "/api/mqtt/acl",
      body: { username: "x", topic: "devices/x/telemetry", action: "publish" },
    }),
    expect: all(503),
    public: true,
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
    request: () => ({ path: `/api/device-types/${fixtures.typeSlug}`, body: { name: "Matrix type" } }),
    expect: { ...signedIn(403), globalAdmin: 200 },
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
    writesNothing: true,
  },
  "PATCH /api/alert-rules/[id]": {
    request: (w) => ({ path: `/api/alert-rules/${w.farm.ruleId}`, body: { name: "Too warm" } }),
    expect: { ...operators(200), otherViewer: 404 },
  },
  "DELETE /api/alert-rules/[id]": {
    request: async () => ({ path: `/api/alert-rules/${(await farmRule()).ruleId}` }),
    expect: { ...operators(204), otherViewer: 404 },
  },
  "GET /api/alerts": { request: () => ({ path: "/api/alerts" }), expect: signedIn(200) },
  "POST /api/alerts/[id]/ack": {
    request: async () => ({ path: `/api/alerts/${(await farmRule()).alertId}/ack`, body: {} }),
    expect: { ...operators(204), otherViewer: 404 },
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
    request: async () => ({ path: `/api/webhooks/${await farmWebhook()}` }),
    expect: { ...adminsOnly(204, 403), otherViewer: 404 },
  },
  "GET /api/webhooks/[id]/secret": {
    request: () => ({ path: `/api/webhooks/${farmHook.id}/secret` }),
    expect: { ...adminsOnly(200, 403), otherViewer: 404 },
    secret: true,
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
    request: (_w, who, mode) => ({
      path: `/api/webhooks/deliveries/${farmHook.deliveries[`${who}/${mode}`]}/redeliver`,
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
  "GET /api/users": {
    request: () => ({ path: "/api/users" }),
    expect: { ...adminsOnly(200, 403), twoSites: 200 },
  },
  "POST /api/users": {
    request: (w, who) => ({
      path: "/api/users",
      body: {
        email: `new-${who.toLowerCase()}-${uniqueId()}@e2e.test`,
        name: "New",
        roles: [{ site: w.farm.slug, role: "viewer" }],
      },
    }),
    expect: { ...adminsOnly(201, 403), twoSites: 422 },
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
    // Each caller revokes a token of their own; somebody else's is as unknown as a made-up one.
    request: async (_w, who) => ({ path: `/api/tokens/${await tokenOf(who)}` }),
    expect: signedIn(204),
  },
  "GET /api/quarantine": {
    request: () => ({ path: "/api/quarantine" }),
    expect: { ...operators(200), twoSites: 200 },
  },
  "GET /api/quarantine/[id]/payload": {
    request: (w) => ({ path: `/api/quarantine/${w.farm.quarantineId}/payload` }),
    expect: { ...operators(200), twoSites: 404 },
  },
  // The farm's quarantined message is malformed for good: a permitted replay answers 422.
  "POST /api/quarantine/[id]/replay": {
    request: (w) => ({ path: `/api/quarantine/${w.farm.quarantineId}/replay`, body: {} }),
    expect: { ...operators(422), twoSites: 404 },
  },
  "POST /api/quarantine/replay": {
    request: (w) => ({ path: "/api/quarantine/replay", body: { filter: { device: w.farm.deviceKey } } }),
    expect: { ...operators(200), twoSites: 200 },
  },
  "GET /api/audit": {
    request: () => ({ path: "/api/audit" }),
    expect: { ...adminsOnly(200, 403), twoSites: 200 },
  },
  "POST /api/profile/password": {
    request: () => ({
      path: "/api/profile/password",
      body: { currentPassword: "wrong", newPassword: "pasture gate at dawn" },
    }),
    expect: signedIn(422),
  },
  // "Sign out everywhere" is for a browser: a token gets 403; a session (a fresh one each call) ends.
  "DELETE /api/profile/sessions": {
    request: () => ({ path: "/api/profile/sessions" }),
    expect: signedIn(403),
    session: signedIn(204),
    freshSession: true,
  },
  "POST /api/password-links/[token]": {
    request: () => ({
      path: "/api/password-links/not-a-real-link",
      body: { password: "pasture gate at dawn" },
    }),
    expect: all(404),
    public: true,
  },
  "GET /api/auth/[...nextauth]": {
    request: () => ({ path: "/api/auth/csrf" }),
    expect: all(200),
    public: true,
  },
  // Sign-in itself: the rate-limit and sign-in specs cover it; here only that it answers.
  "POST /api/auth/[...nextauth]": {
    request: () => ({ path: "/api/auth/callback/credentials", body: "form" }),
    expect: all(200),
    public: true,
  },
};

let db: Db;
let world: World;
let farmHook: { id: string; deliveries: Record<string, string> };
const fixtures = { typeSlug: "" };

/** A fresh rule of the farm's device with an open alert, for the cases that delete or acknowledge one. */
async function farmRule(): Promise<{ ruleId: string; alertId: string }> {
  const [rule] = await db.sql<{ id: string }[]>`
    insert into alert_rules (site_id, device_id, name, metric, comparison, threshold)
    values (${world.farm.id}, ${world.farm.deviceId}, 'Matrix rule', 't', 'above', 30) returning id`;
  const [alert] = await db.sql<{ id: string }[]>`
    insert into alerts (rule_id, device_id, severity, started_at, value)
    values (${rule!.id}, ${world.farm.deviceId}, 'warning', now(), 31) returning id`;
  return { ruleId: rule!.id, alertId: alert!.id };
}

async function farmWebhook(): Promise<string> {
  const [hook] = await db.sql<{ id: string }[]>`
    insert into webhooks (site_id, name, url, secret) values (${world.farm.id}, 'Matrix hook', 'https://93.184.215.14/hook', ${generateWebhookSecret()}) returning id`;
  return hook!.id;
}

/** A fresh token of `who` (anonymous: the global admin's, which nobody else may revoke). */
async function tokenOf(who: Persona): Promise<string> {
  const owner = world.people[who === "anonymous" ? "globalAdmin" : who];
  const { hash, prefix } = generateApiToken();
  const [row] = await db.sql<{ id: string }[]>`
    insert into api_tokens (user_id, name, token_hash, prefix, scope) values (${owner.id}, 'matrix', ${hash}, ${prefix}, 'read') returning id`;
  return row!.id;
}
const sessions = {} as Record<Persona, string>;

test.beforeAll(async ({ baseURL }) => {
  db = openDb();
  world = await createWorld(db);
  const [hook] = await db.sql<{ id: string }[]>`
    insert into webhooks (site_id, name, url, secret) values (${world.farm.id}, 'Farm hook', 'http://127.0.0.1:9/hook', ${generateWebhookSecret()}) returning id`;
  farmHook = { id: hook!.id, deliveries: {} };
  fixtures.typeSlug = `matrix-type-${uniqueId()}`;
  await db.sql`insert into device_types (slug, name) values (${fixtures.typeSlug}, 'Matrix type')`;
  for (const who of PERSONAS)
    for (const mode of MODES) {
      const [d] = await db.sql<{ id: string }[]>`
        insert into webhook_deliveries (webhook_id, message_id, event_type, payload, status)
        values (${hook!.id}, ${`msg_${uniqueId()}${uniqueId()}`}, 'webhook.test', '{}'::jsonb, 'failed') returning id`;
      farmHook.deliveries[`${who}/${mode}`] = d!.id;
    }
  for (const who of PERSONAS) if (who !== "anonymous") sessions[who] = await signInCookie(baseURL!, who);
});
test.afterAll(() => db.close());

async function signInCookie(baseURL: string, who: Exclude<Persona, "anonymous">): Promise<string> {
  const { email, password } = world.people[who];
  const res = await postSignIn(
    baseURL,
    `email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}`,
  );
  const cookie = (res.headers["set-cookie"] ?? []).find((c) => c.includes("next-auth.session-token="));
  if (!cookie) throw new Error(`${who} could not sign in (${res.status})`);
  return cookie.split(";")[0]!;
}

/** The status `who` must get calling `route` this way. */
function expected(route: string, c: Case, who: Persona, mode: Mode): number {
  const base = (who === "twoSites" ? (c.expect.twoSites ?? c.expect.viewer) : c.expect[who]) as number;
  if (who === "anonymous" || c.public) return base;
  const writes = !route.startsWith("GET ") && !c.writesNothing;
  const session = c.session && { ...c.session, twoSites: c.session.twoSites ?? c.session.viewer };
  const viaSession = session?.[who as keyof Statuses] ?? base;
  if (mode === "token") return base;
  if (mode === "readToken") return writes || c.secret ? 403 : base;
  if (mode === "session") return viaSession;
  return writes ? 403 : viaSession; // crossSite: a cookie sent from another origin changes nothing
}

async function call(
  baseURL: string,
  method: string,
  c: Case,
  who: Persona,
  mode: Mode,
  extra: Record<string, string> = {},
) {
  const { path, body } = await c.request(world, who, mode);
  const headers: Record<string, string> = { ...extra };
  if (who !== "anonymous") {
    const person = world.people[who];
    if (mode === "token") headers.authorization = `Bearer ${person.token}`;
    if (mode === "readToken") headers.authorization = `Bearer ${person.readToken}`;
    if (mode === "session" || mode === "crossSite") {
      headers.cookie = c.freshSession ? await signInCookie(baseURL, who) : sessions[who];
      headers.origin = mode === "session" ? new URL(baseURL).origin : "https://evil.example";
    }
  }
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
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const mode of c.public ? (["token"] as const) : MODES) {
      const callers = PERSONAS.filter((who) => mode === "token" || who !== "anonymous");
      await Promise.all(
        callers.map(async (who) => {
          const label = who === "anonymous" ? who : `${who} (${mode})`;
          got[label] = await call(baseURL!, method, c, who, mode);
          want[label] = expected(route, c, who, mode);
        }),
      );
    }
    expect(got).toEqual(want);
    // A forged internal header must not let anyone past (CVE-2025-29927 style).
    const forged = await call(baseURL!, method, c, "anonymous", "token", {
      "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy",
    });
    expect(forged).toBe(c.expect.anonymous);
  });
}
