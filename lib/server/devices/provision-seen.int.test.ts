import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { listUnprovisioned } from "../db/queries/unprovisioned";
import type { Viewer } from "../db/queries/users";
import { countReadings, createTestDevice, uniqueId, type TestDevice } from "../../../test/support/fixtures";
import { deviceTokenMatches } from "../../domain/devices/credentials";
import { provisionSeenDevice } from "./provision-seen";

// A key publishing before it exists: listed with its counts, then provisioned and its messages replayed.
let db: Db;
let existing: TestDevice;
let slugs: { site: string; type: string };
let siteAdmin: Viewer;
const hourAgo = Date.now() - 3_600_000;

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  existing = await createTestDevice(db.sql, [{ name: "temperature", min: -40, max: 85 }]);
  const [row] = await db.sql<{ site: string; type: string }[]>`
    select s.slug as site, t.slug as type from devices d join sites s on s.id = d.site_id join device_types t on t.id = d.type_id where d.id = ${existing.id}`;
  slugs = row!;
  const [user] = await db.sql<{ id: string; email: string }[]>`
    insert into users (email, name, password_hash) values (${`seen-${uniqueId()}@it.test`}, 'Seen', 'x') returning id, email`;
  siteAdmin = {
    id: user!.id,
    email: user!.email,
    name: "Seen",
    isAdmin: false,
    roles: [{ siteId: existing.siteId, role: "admin" }],
  };
});
afterAll(() => db.close());

async function quarantine(key: string, payload: string, receivedAt: number, reason = "unknown_device") {
  await db.sql`
    insert into quarantine (message_id, topic, device_key, payload, reason, detail, received_at)
    values (${randomUUID()}, ${`devices/${key}/telemetry`}, ${key}, ${Buffer.from(payload)}, ${reason}, 'test', ${new Date(receivedAt)})`;
}

describe("seen but not provisioned", () => {
  it("lists the key, provisions it and replays its messages into readings", async () => {
    const key = `seen-${uniqueId()}`;
    await quarantine(key, JSON.stringify({ ts: hourAgo - 60_000, values: { temperature: 20 } }), hourAgo);
    await quarantine(key, '{"temperature": 21}', hourAgo + 1_000);
    await quarantine(key, '{"temperature": 22}', hourAgo + 2_000);
    await quarantine(key, '{"temperature": 300}', hourAgo + 3_000); // out of the type's range once known
    await quarantine(key, '{"temperature": 5}', hourAgo + 4_000, "malformed"); // not an unknown_device row: left alone

    const before = await listUnprovisioned(db.sql, 10_000);
    expect(before.items.find((k) => k.key === key)).toEqual({
      key,
      messages: 4,
      firstSeenAt: new Date(hourAgo),
      lastSeenAt: new Date(hourAgo + 3_000),
    });
    expect(before.items.some((k) => k.key === existing.key)).toBe(false);

    const result = await provisionSeenDevice(
      db.sql,
      siteAdmin,
      { key, name: "Seen sensor", site: slugs.site, type: slugs.type },
      "127.0.0.1",
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result).toMatchObject({
      replayed: 3,
      rejected: 1,
      rejectedByReason: { out_of_range: 1 },
      remaining: 0,
    });

    const [hash] = await db.sql<
      { token_hash: string }[]
    >`select token_hash from device_tokens where device_id = ${result.id}`;
    expect(deviceTokenMatches(result.token, hash!.token_hash)).toBe(true);
    expect(await countReadings(db.sql, result.id, "temperature")).toBe(3);
    const [first] = await db.sql<
      { ts: Date }[]
    >`select min(r.ts) as ts from readings r join series s on s.id = r.series_id where s.device_id = ${result.id}`;
    expect(first!.ts.getTime()).toBe(hourAgo - 60_000);
    const states = await db.sql<{ reason: string; replayed: boolean }[]>`
      select reason, replayed_at is not null as replayed from quarantine where device_key = ${key} order by received_at`;
    expect(states).toEqual([
      { reason: "unknown_device", replayed: true },
      { reason: "unknown_device", replayed: true },
      { reason: "unknown_device", replayed: true },
      { reason: "out_of_range", replayed: false },
      { reason: "malformed", replayed: false },
    ]);
    expect((await listUnprovisioned(db.sql, 10_000)).items.some((k) => k.key === key)).toBe(false);
    const [entry] =
      await db.sql`select action, details, site_id from audit_log where actor_id = ${siteAdmin.id} and target_id = ${key}`;
    expect(entry).toMatchObject({
      action: "device.create",
      site_id: existing.siteId,
      details: { from: "unprovisioned", replayed: 3 },
    });
  });

  it("refuses a site the viewer can't see as if it didn't exist, and replays nothing", async () => {
    const key = `seen-${uniqueId()}`;
    await quarantine(key, '{"temperature": 21}', hourAgo);
    const other = await createTestDevice(db.sql);
    const [site] = await db.sql<{ slug: string }[]>`select slug from sites where id = ${other.siteId}`;
    const result = await provisionSeenDevice(db.sql, siteAdmin, { key, name: "Elsewhere", site: site!.slug });
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 0, field: "site", kind: "invalid_reference", message: `no site "${site!.slug}"` }],
    });
    const [row] = await db.sql`select replayed_at from quarantine where device_key = ${key}`;
    expect(row).toEqual({ replayed_at: null });
  });
});
