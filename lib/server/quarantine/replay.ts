import type { SiteScope } from "../../domain/auth/access";
import type { Sql } from "../db/connect";
import { findDeviceByKey } from "../db/queries/device-lookup";
import type { DeviceInfo } from "../../domain/devices/types";
import { writeBatchIn, type BatchInput } from "../telemetry/write-batch";
import { getQuarantined, pendingIds, type QuarantineFilter } from "../db/queries/quarantine";
import { classifyMessage, type MessageOutcome } from "../../domain/telemetry/classify";
import { MAX_PAYLOAD_BYTES } from "../../domain/telemetry/payload";
import { parseTopic } from "../../domain/telemetry/topic";

export type ReplayResult =
  | { id: number; result: "replayed"; readings: number }
  | { id: number; result: "rejected"; reason: string; detail: string }
  | { id: number; result: "already_replayed" };

type Row = NonNullable<Awaited<ReturnType<typeof getQuarantined>>>;

/**
 * Sends a quarantined message through the same decision the ingest worker makes, with today's
 * devices and metric ranges, at its original receive time. Usable: its readings are written
 * (idempotently) and the row marked replayed, in one transaction. Still unusable: the row
 * stays, with the reason as it stands now.
 */
export async function replayRow(
  sql: Sql,
  row: Row,
  actorId: string,
  devices = new Map<string, DeviceInfo | null>(),
): Promise<ReplayResult> {
  if (row.replayedAt) return { id: row.id, result: "already_replayed" };
  // Only the first bytes of an oversized payload are kept: replaying them would be replaying
  // another, shorter message. The whole one was over the limit, so it stays too_large.
  if (row.payloadCut) {
    const detail = `only the first ${row.payloadCut.keptBytes} of ${row.payloadBytes} bytes are kept (sha256 ${row.payloadCut.sha256}); over ${MAX_PAYLOAD_BYTES} bytes, it can never be used`;
    await sql`update quarantine set reason = 'too_large', detail = ${detail} where id = ${row.id} and replayed_at is null`;
    return { id: row.id, result: "rejected", reason: "too_large", detail };
  }
  const topic = parseTopic(row.topic);
  const device = topic.kind === "invalid" ? null : await lookup(sql, topic.deviceKey, devices);
  const outcome = classifyMessage(topic, device, row.payload, row.receivedAt.getTime());
  const batch = device && !device.disabled ? batchOf(device, outcome, row.receivedAt.getTime()) : null;
  return (await sql.begin(async (tx) => {
    if (outcome.rejection) {
      const { reason, detail } = outcome.rejection;
      await tx`update quarantine set reason = ${reason}, detail = ${detail} where id = ${row.id} and replayed_at is null`;
      // In-range readings of a partly out-of-range message are kept, as the worker does.
      if (batch && batch.readings.length > 0) await writeBatchIn(tx, batch, new Map());
      return { id: row.id, result: "rejected", reason, detail };
    }
    const claimed =
      await tx`update quarantine set replayed_at = now(), replayed_by = ${actorId} where id = ${row.id} and replayed_at is null returning id`;
    if (claimed.length === 0) return { id: row.id, result: "already_replayed" };
    const written = batch ? await writeBatchIn(tx, batch, new Map()) : { inserted: 0 };
    return { id: row.id, result: "replayed", readings: written.inserted };
  })) as ReplayResult;
}

export interface ReplayRun {
  replayed: number;
  /** Still unusable, by their reason now. */
  rejected: Record<string, number>;
  /** The last row looked at: the next call goes on after it. */
  lastId: number;
}

/** Replays up to `limit` pending rows matching `filter` after `afterId`, oldest first. */
export async function replayMatching(
  sql: Sql,
  scope: SiteScope,
  filter: QuarantineFilter,
  afterId: number,
  limit: number,
  actorId: string,
): Promise<ReplayRun> {
  const run: ReplayRun = { replayed: 0, rejected: {}, lastId: afterId };
  const devices = new Map<string, DeviceInfo | null>();
  for (const id of await pendingIds(sql, scope, filter, afterId, limit)) {
    const row = await getQuarantined(sql, scope, id);
    run.lastId = id;
    if (!row) continue; // deleted meanwhile (its device was)
    const result = await replayRow(sql, row, actorId, devices);
    if (result.result === "replayed") run.replayed += 1;
    else if (result.result === "rejected")
      run.rejected[result.reason] = (run.rejected[result.reason] ?? 0) + 1;
  }
  return run;
}

async function lookup(
  sql: Sql,
  key: string,
  cache: Map<string, DeviceInfo | null>,
): Promise<DeviceInfo | null> {
  if (!cache.has(key)) cache.set(key, await findDeviceByKey(sql, key));
  return cache.get(key) ?? null;
}

/** The rows one usable message adds, as the worker's batch would hold them. */
function batchOf(device: DeviceInfo, outcome: MessageOutcome, receivedAt: number): BatchInput {
  return {
    readings: outcome.readings.map((r) => ({ ...r, deviceId: device.id, deviceKey: device.key })),
    quarantine: [],
    seen: new Map([[device.id, receivedAt]]),
    connectivity: new Map([
      [device.id, { deviceKey: device.key, state: outcome.status ?? "online", at: receivedAt }],
    ]),
    commandAcks: outcome.commandAck
      ? [{ ...outcome.commandAck, deviceId: device.id, deviceKey: device.key, receivedAt }]
      : [],
  };
}
