import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { getQuarantined, listQuarantine } from "../db/queries/quarantine";
import { countReadings, createTestDevice, uniqueId, type TestDevice } from "../../../test/support/fixtures";
import { replayMatching, replayRow } from "./replay";

// Quarantined messages go through the worker's own decision again, against today's devices.
let db: Db;
let device: TestDevice;
let actorId: string;
const receivedAt = new Date(Date.now() - 3_600_000);

beforeAll(async () => {
  db = connectDb(inject("databaseUrl"));
  device = await createTestDevice(db.sql, [{ name: "temperature", min: -40, max: 85 }]);
  const [user] = await db.sql<
    { id: string }[]
  >`insert into users (email, name, password_hash) values (${`replayer-${uniqueId()}@it.test`}, 'Replayer', 'x') returning id`;
  actorId = user!.id;
});
afterAll(() => db.close());

/** A row as the worker writes it: the device that has the key, if any, owns it. */
async function quarantine(deviceKey: string, payload: string, reason: string): Promise<number> {
  const [row] = await db.sql<{ id: number }[]>`
    insert into quarantine (message_id, topic, device_key, device_id, payload, reason, detail, received_at)
    values (${randomUUID()}, ${`devices/${deviceKey}/telemetry`}, ${deviceKey}, (select id from devices where key = ${deviceKey}),
            ${Buffer.from(payload)}, ${reason}, 'test', ${receivedAt})
    returning id::float8 as id`;
  return row!.id;
}
const row = async (id: number) => (await getQuarantined(db.sql, { all: true }, id))!;

describe("quarantine replay", () => {
  it("stays rejected, with today's reason, until the cause is fixed; then writes the readings once", async () => {
    const lateKey = `dev-late-${uniqueId()}`;
    const deviceTime = Date.now() - 7_200_000;
    const unknown = await quarantine(
      lateKey,
      JSON.stringify({ ts: deviceTime, values: { temperature: 21 } }),
      "unknown_device",
    );
    const hot = await quarantine(device.key, '{"temperature": 90}', "out_of_range");
    const broken = await quarantine(device.key, "{not json", "malformed");
    await db.sql`update devices set connectivity = 'offline', connectivity_at = now() where id = ${device.id}`;

    const first = await replayMatching(
      db.sql,
      { all: true },
      { device: lateKey, state: "pending" },
      0,
      10,
      actorId,
    );
    expect(first).toEqual({ replayed: 0, rejected: { unknown_device: 1 }, lastId: unknown });

    // Provision the device and widen the range: both messages now go through.
    await db.sql`insert into devices (key, name, site_id) values (${lateKey}, 'Late', ${device.siteId})`;
    await db.sql`update device_types set metrics = '[{"name":"temperature","min":-40,"max":100}]'::jsonb
                 where id = (select type_id from devices where id = ${device.id})`;
    expect(await replayRow(db.sql, await row(unknown), actorId)).toEqual({
      id: unknown,
      result: "replayed",
      readings: 1,
    });
    expect(await replayRow(db.sql, await row(hot), actorId)).toEqual({
      id: hot,
      result: "replayed",
      readings: 1,
    });
    expect(await replayRow(db.sql, await row(broken), actorId)).toMatchObject({
      id: broken,
      result: "rejected",
      reason: "malformed",
    });

    // Device time when it had one, else the original receive time; never written twice.
    const [late] = await db.sql<{ ts: Date }[]>`
      select r.ts from readings r join series s on s.id = r.series_id join devices d on d.id = s.device_id where d.key = ${lateKey}`;
    expect(late!.ts.getTime()).toBe(deviceTime);
    const [warm] = await db.sql<{ ts: Date; value: number }[]>`
      select r.ts, r.value from readings r join series s on s.id = r.series_id where s.device_id = ${device.id} and s.metric = 'temperature'`;
    expect(warm).toEqual({ ts: receivedAt, value: 90 });
    expect(await replayRow(db.sql, await row(hot), actorId)).toEqual({ id: hot, result: "already_replayed" });
    expect(await countReadings(db.sql, device.id)).toBe(1);

    const [marked] = await db.sql<
      { replayed_by: string; detail: string }[]
    >`select replayed_by, detail from quarantine where id = ${hot}`;
    expect(marked!.replayed_by).toBe(actorId);
    const [still] = await db.sql<
      { reason: string; replayed_at: Date | null }[]
    >`select reason, replayed_at from quarantine where id = ${broken}`;
    expect(still).toEqual({ reason: "malformed", replayed_at: null });
    // An hour-old message is no sign of life now: the device stays offline.
    const [state] = await db.sql<
      { connectivity: string }[]
    >`select connectivity from devices where id = ${device.id}`;
    expect(state!.connectivity).toBe("offline");
  });

  it("sees and replays only rows of the caller's sites", async () => {
    const other = await createTestDevice(db.sql);
    const id = await quarantine(other.key, '{"x": 1}', "unknown_device");
    const farOff = { all: false, siteIds: [device.siteId] };
    const listed = await listQuarantine(db.sql, farOff, { device: other.key, state: "all" }, 1, 50);
    expect(listed.total).toBe(0);
    expect(await getQuarantined(db.sql, farOff, id)).toBeNull();
    expect(
      await replayMatching(db.sql, farOff, { device: other.key, state: "pending" }, 0, 10, actorId),
    ).toEqual({ replayed: 0, rejected: {}, lastId: 0 });
    const own = await listQuarantine(
      db.sql,
      { all: false, siteIds: [other.siteId] },
      { device: other.key, state: "pending" },
      1,
      50,
    );
    expect(own.items.map((q) => q.id)).toEqual([id]);
    expect(own.reasons).toEqual({ unknown_device: 1 });
  });
});
