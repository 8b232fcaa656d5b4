import { createHash } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { QUARANTINE_KEPT_BYTES } from "../lib/domain/quarantine/payload";
import { MAX_PAYLOAD_BYTES } from "../lib/domain/telemetry/payload";
import { connectDb } from "../lib/server/db/connect";
import { getQuarantined, listQuarantine } from "../lib/server/db/queries/quarantine";
import { replayRow } from "../lib/server/quarantine/replay";
import { toQuarantineItemView } from "../lib/server/quarantine/view";
import {
  countReadings,
  createTestDevice,
  uniqueId,
  waitFor,
  waitUntilIngesting,
} from "../test/support/fixtures";
import { startSuiteWorker } from "../test/support/suite-worker";
import type { IngestWorker } from "./worker";

// A payload over the limit is quarantined as its first bytes, its length and its hash: a flood
// of big messages can't fill the database, and what is kept is never mistaken for the message.
const db = connectDb(inject("databaseUrl"));
let worker: IngestWorker;
let publisher: MqttClient;
beforeAll(async () => {
  worker = await startSuiteWorker();
  publisher = await mqtt.connectAsync(inject("mqttUrl"), {
    clientId: `it-pub-${uniqueId()}`,
    protocolVersion: inject("mqttProtocolVersion"),
  });
});
afterAll(async () => {
  await publisher.endAsync();
  await worker.stop();
  await db.close();
});

describe("an oversized payload in quarantine", () => {
  it("keeps its first bytes with its length and SHA-256, says so, and can't be replayed as if whole", async () => {
    const probe = await createTestDevice(db.sql);
    await waitUntilIngesting(db.sql, (t, p) => publisher.publishAsync(t, p, { qos: 1 }), probe);
    // key=value lines from a device not provisioned yet: any cut of it would parse as readings.
    const key = `late-${uniqueId()}`;
    // 16-byte lines: the kept 4 KiB end on a line, so they read as 256 whole lines.
    const payload = Buffer.from("temperature=1.5\n".repeat(MAX_PAYLOAD_BYTES / 16 + 1));
    await publisher.publishAsync(`devices/${key}/telemetry`, payload, { qos: 1 });
    const [row] = await waitFor(async () => {
      const rows = await db.sql<{ id: number; kept: number; total: number | null; sha256: string | null }[]>`
        select id::float8 as id, octet_length(payload) as kept, payload_total_bytes as total, payload_sha256 as sha256
        from quarantine where device_key = ${key}`;
      return rows.length > 0 ? rows : undefined;
    });
    const sha256 = createHash("sha256").update(payload).digest("hex");
    expect(row).toEqual({ id: row!.id, kept: QUARANTINE_KEPT_BYTES, total: payload.length, sha256 });

    const list = await listQuarantine(db.sql, { all: true }, { device: key, state: "pending" }, 1, 10);
    expect(toQuarantineItemView(list.items[0]!)).toMatchObject({
      payloadBytes: payload.length,
      payloadCut: { keptBytes: QUARANTINE_KEPT_BYTES, sha256 },
      truncated: true,
    });

    // Provisioned now, with the metric: the kept lines alone would be usable readings.
    const [site] = await db.sql<{ id: string }[]>`select site_id as id from devices where id = ${probe.id}`;
    const [device] = await db.sql<{ id: string }[]>`
      insert into devices (key, name, site_id) values (${key}, 'Late', ${site!.id}) returning id`;
    const [user] = await db.sql<{ id: string }[]>`
      insert into users (email, name, password_hash) values (${`replayer-${uniqueId()}@it.test`}, 'Replayer', 'x') returning id`;
    const stored = (await getQuarantined(db.sql, { all: true }, row!.id))!;
    expect(await replayRow(db.sql, stored, user!.id)).toMatchObject({
      result: "rejected",
      reason: "too_large",
    });
    expect(await countReadings(db.sql, device!.id)).toBe(0);
  });
});
