import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "./connect";
import { createTestDevice, uniqueId } from "../../../test/support/fixtures";

// Migration 0011 gives existing quarantine rows their device; rows of devices dropped earlier
// must not end up with the key's next device. Its data statements, run on rows as they were.
let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 2 });
});
afterAll(() => db.close());

const HOUR = 3_600_000;
const backfill = readFileSync(
  path.join(import.meta.dirname, "../../../drizzle/0011_quarantine_device.sql"),
  "utf8",
)
  .split("--> statement-breakpoint")
  .filter((statement) => /^\s*(--.*\n\s*)*(UPDATE|DELETE)/m.test(statement));

describe("migration 0011's backfill", () => {
  it("gives rows to the device that had the key then, and drops those of a device dropped since", async () => {
    expect(backfill).toHaveLength(2);
    const now = Date.now();
    const device = await createTestDevice(db.sql);
    await db.sql`update devices set created_at = ${new Date(now - HOUR)} where id = ${device.id}`;
    await db.sql`
      insert into audit_log (actor_label, action, target_type, target_id, details, at)
      values ('admin', 'device.delete', 'device', ${device.key}, '{"data": "drop"}', ${new Date(now - 2 * HOUR)})`;
    const row = async (key: string, reason: string, agoMs: number) => {
      const [r] = await db.sql<{ id: number }[]>`
        insert into quarantine (message_id, topic, device_key, payload, reason, detail, received_at)
        values (${randomUUID()}, ${`devices/${key}/telemetry`}, ${key}, ${Buffer.from("x")}, ${reason}, 'old', ${new Date(now - agoMs)})
        returning id::float8 as id`;
      return r!.id;
    };
    const earlierDevices = await row(device.key, "malformed", 3 * HOUR);
    const claimedByEarlier = await row(device.key, "unknown_device", 3 * HOUR);
    const betweenDevices = await row(device.key, "unknown_device", 1.5 * HOUR);
    const ours = await row(device.key, "out_of_range", 0.5 * HOUR);
    const stranger = await row(`nobody-${uniqueId()}`, "unknown_device", HOUR);

    for (const statement of backfill) await db.sql.unsafe(statement);

    const rows = await db.sql<{ id: number; device_id: string | null }[]>`
      select id::float8 as id, device_id from quarantine
      where id = any(${[earlierDevices, claimedByEarlier, betweenDevices, ours, stranger]}::bigint[]) order by id`;
    expect(rows).toEqual([
      { id: betweenDevices, device_id: device.id },
      { id: ours, device_id: device.id },
      { id: stranger, device_id: null },
    ]);
  });
});
