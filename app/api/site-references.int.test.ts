import { beforeAll, describe, expect, it } from "vitest";
import { createTestDevice, uniqueId, type TestDevice } from "@/test/support/fixtures";
import { callRoute, createCaller, createSite, type Caller, routeTestDb } from "@/test/support/api-caller";
import * as alertRules from "./alert-rules/route";
import * as device from "./devices/[key]/route";
import * as devices from "./devices/route";
import * as importRoute from "./devices/import/route";
import * as provisionSeen from "./devices/unprovisioned/[key]/provision/route";
import * as webhooks from "./webhooks/route";

// A site the caller can't see answers exactly like one that doesn't exist, wherever a request
// names a site: otherwise the answer tells them which slugs exist (docs/api.md, "Roles and site rights").
const db = routeTestDb();
let own: TestDevice;
let foreign: { id: string; slug: string };
let seenOnly: { id: string; slug: string };
let caller: Caller;

beforeAll(async () => {
  own = await createTestDevice(db.sql);
  foreign = await createSite(db.sql);
  seenOnly = await createSite(db.sql);
  caller = await createCaller(db.sql, {
    roles: [
      { siteId: own.siteId, role: "admin" },
      { siteId: seenOnly.id, role: "viewer" },
    ],
  });
});

const key = `oracle-${uniqueId()}`;
const requests: Record<string, (site: string) => Promise<{ status: number; body: unknown }>> = {
  "POST /api/devices": (site) =>
    callRoute(devices.POST, caller, { method: "POST", path: "/api/devices", body: { key, name: "N", site } }),
  "POST /api/devices/import": (site) =>
    callRoute(importRoute.POST, caller, {
      method: "POST",
      path: "/api/devices/import",
      body: { csv: `key,name,site\n${key},N,${site}\n` },
    }),
  "POST /api/devices/import?dryRun=1": (site) =>
    callRoute(importRoute.POST, caller, {
      method: "POST",
      path: "/api/devices/import?dryRun=1",
      body: { csv: `key,name,site\n${key},N,${site}\n` },
    }),
  "POST /api/devices/unprovisioned/{key}/provision": (site) =>
    callRoute(provisionSeen.POST, caller, {
      method: "POST",
      path: `/api/devices/unprovisioned/${key}/provision`,
      params: { key },
      body: { name: "N", site },
    }),
  "PATCH /api/devices/{key} (move)": (site) =>
    callRoute(device.PATCH, caller, {
      method: "PATCH",
      path: `/api/devices/${own.key}`,
      params: { key: own.key },
      body: { site },
    }),
  "POST /api/webhooks": (site) =>
    callRoute(webhooks.POST, caller, {
      method: "POST",
      path: "/api/webhooks",
      body: { name: "H", url: "https://93.184.215.14/hook", site },
    }),
  "POST /api/alert-rules (with an unknown type)": (site) =>
    callRoute(alertRules.POST, caller, {
      method: "POST",
      path: "/api/alert-rules",
      body: { name: "R", site, type: `no-type-${key}`, metric: "t", comparison: "above", threshold: 1 },
    }),
};

/** The answer with the slug asked for replaced, so answers about two slugs compare. */
const neutral = (res: { status: number; body: unknown }, slug: string) => ({
  status: res.status,
  body: JSON.parse(JSON.stringify(res.body).replaceAll(slug, "<site>")) as unknown,
});

describe("a site the caller can't see", () => {
  for (const [name, request] of Object.entries(requests)) {
    it(`${name}: answers as for a site that doesn't exist`, async () => {
      const unknown = `no-site-${uniqueId()}`;
      const asUnknown = neutral(await request(unknown), unknown);
      expect(asUnknown.status).toBe(name.includes("dryRun") ? 200 : 422);
      expect(neutral(await request(foreign.slug), foreign.slug)).toEqual(asUnknown);
    });
  }

  it("leaves nothing behind: no device, no move, no endpoint", async () => {
    expect(await db.sql`select 1 from devices where key = ${key}`).toHaveLength(0);
    expect((await db.sql`select site_id from devices where id = ${own.id}`)[0]).toEqual({
      site_id: own.siteId,
    });
    expect(await db.sql`select 1 from webhooks where site_id = ${foreign.id}`).toHaveLength(0);
  });
});

describe("a site the caller sees without the role", () => {
  it("answers 403 forbidden to adding or moving a device there", async () => {
    for (const name of ["POST /api/devices", "PATCH /api/devices/{key} (move)", "POST /api/webhooks"]) {
      const res = await requests[name]!(seenOnly.slug);
      expect(res, name).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    }
  });
});
