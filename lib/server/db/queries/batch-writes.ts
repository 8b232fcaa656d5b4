import type { PayloadCut } from "../../../domain/quarantine/payload";
import type { DeviceReading } from "../../../domain/telemetry/types";
import type { Tx } from "../connect";

// The rows an ingest batch writes; lib/server/telemetry/write-batch.ts runs them in one transaction.

export interface QuarantineItem {
  messageId: string;
  topic: string;
  deviceKey: string | null;
  /** The device the worker found for the key (null: none, or the topic named none). */
  deviceId: string | null;
  /** What is kept of the payload (keptPayload): all of it, or its first bytes when `cut` is set. */
  payload: Buffer;
  cut: PayloadCut | null;
  reason: string;
  detail: string;
  receivedAt: number;
  /** A broker redelivery (DUP): skipped when the same message was quarantined in the last hour. */
  redelivered?: boolean;
}

/**
 * A PostgreSQL array literal of finite numbers. postgres.js escapes array elements one by one,
 * which is most of the worker's cost per batch; numbers need no escaping.
 */
function numberArray(values: number[]): string {
  return `{${values.join(",")}}`;
}

/** Series ids by device id, then metric: the worker's cache, kept across batches. */
export type SeriesCache = Map<string, Map<string, number>>;

/**
 * The series id of each reading (-1: its device was deleted meanwhile), from the cache or
 * created (or found) and cached. Two map lookups a reading: this runs for every row.
 */
export async function resolveSeries(
  tx: Tx,
  readings: DeviceReading[],
  cache: SeriesCache,
): Promise<number[]> {
  const missing: { deviceId: string; metric: string }[] = [];
  for (const r of readings) {
    if (cache.get(r.deviceId)?.get(r.metric) === undefined)
      missing.push({ deviceId: r.deviceId, metric: r.metric });
  }
  if (missing.length > 0) {
    // DO UPDATE (a no-op) so RETURNING also yields series that already existed. A device deleted
    // since its message was read gets none, and its readings are dropped with it.
    const rows = await tx<{ id: number; device_id: string; metric: string }[]>`
      insert into series (device_id, metric)
      select distinct u.device_id, u.metric
      from unnest(${missing.map((s) => s.deviceId)}::uuid[], ${missing.map((s) => s.metric)}::text[]) as u(device_id, metric)
      join devices d on d.id = u.device_id
      on conflict (device_id, metric) do update set metric = excluded.metric
      returning id, device_id, metric`;
    for (const row of rows) {
      let metrics = cache.get(row.device_id);
      if (!metrics) cache.set(row.device_id, (metrics = new Map()));
      metrics.set(row.metric, row.id);
    }
  }
  return readings.map((r) => cache.get(r.deviceId)?.get(r.metric) ?? -1);
}

/** The readings inserted, and those of them newer than their series' latest value before this batch. */
export async function insertReadings(
  tx: Tx,
  readings: DeviceReading[],
  seriesIds: number[],
): Promise<{ inserted: DeviceReading[]; current: DeviceReading[] }> {
  if (readings.length === 0) return { inserted: [], current: [] };
  // A reading repeated inside the batch (a redelivery) is dropped here, so it isn't announced twice.
  const unique: DeviceReading[] = [];
  const ids: number[] = [];
  const seen = new Map<number, Set<number>>();
  readings.forEach((r, i) => {
    const id = seriesIds[i]!;
    if (id < 0) return; // its device is gone
    let times = seen.get(id);
    if (!times) seen.set(id, (times = new Set()));
    if (times.has(r.ts)) return;
    times.add(r.ts);
    unique.push(r);
    ids.push(id);
  });
  if (unique.length === 0) return { inserted: [], current: [] };
  const rows = await tx<{ i: number; late: boolean }[]>`
    with input as (
      select * from unnest(${numberArray(ids)}::int[], ${numberArray(unique.map((r) => r.ts))}::float8[],
                           ${numberArray(unique.map((r) => r.value))}::float8[], ${numberArray(unique.map((r) => r.flags))}::int2[])
                    with ordinality as t(series_id, ms, value, flags, i)
    ), ins as (
      -- The join stands in for the foreign key (see the schema): a series deleted meanwhile (its
      -- device was) takes its readings with it; the lock makes such a delete wait for this commit.
      insert into readings (series_id, ts, value, flags)
      select t.series_id, to_timestamp(t.ms / 1000.0), t.value, t.flags from input t join series s on s.id = t.series_id
      for key share of s
      on conflict do nothing
      returning series_id, ts, value
    ), newest as (
      select distinct on (series_id) series_id, ts, value from ins order by series_id, ts desc
    ), moved as (
      update series s set latest_ts = n.ts, latest_value = n.value from newest n
      where s.id = n.series_id and (s.latest_ts is null or n.ts > s.latest_ts)
    ), minute as (
      ${rollupUpsert(tx, "rollups_1m", "minute")}
    ), hour as (
      ${rollupUpsert(tx, "rollups_1h", "hour")}
    )
    -- The statement sees series as it was before it: latest_ts is the value before this batch.
    select t.i::int as i, (s.latest_ts is not null and ins.ts <= s.latest_ts) as late
    from input t join ins on ins.series_id = t.series_id and ins.ts = to_timestamp(t.ms / 1000.0)
    join series s on s.id = t.series_id`;
  const inserted = rows.map((row) => unique[row.i - 1] as DeviceReading);
  return { inserted, current: inserted.filter((_, k) => !rows[k]!.late) };
}

/**
 * Folds the rows just inserted (`ins`: redeliveries count nothing) into a rollup table. Late
 * readings land in their own bucket. Sorted so concurrent workers lock rows in the same order.
 */
function rollupUpsert(tx: Tx, table: "rollups_1m" | "rollups_1h", unit: "minute" | "hour") {
  return tx`
    insert into ${tx(table)} as r (series_id, bucket, min, max, sum, count)
    select series_id, date_trunc(${unit}, ts), min(value), max(value), sum(value), count(*)::int
    from ins group by 1, 2 order by 1, 2
    on conflict (series_id, bucket) do update set
      min = least(r.min, excluded.min), max = greatest(r.max, excluded.max),
      sum = r.sum + excluded.sum, count = r.count + excluded.count`;
}

/**
 * Who each row belongs to, as of this transaction: the device the worker classified it for, if
 * it still exists (its cache is seconds old: one deleted meanwhile gets nothing, never a newer
 * device of its key); else the device that has its key now (an unknown key just provisioned,
 * a bad topic of a known device). Locked (key share) so neither is deleted before the insert.
 */
async function quarantineOwners(
  tx: Tx,
  items: QuarantineItem[],
): Promise<(q: QuarantineItem) => string | null> {
  const ids = [...new Set(items.flatMap((q) => (q.deviceId ? [q.deviceId] : [])))];
  const keys = [...new Set(items.flatMap((q) => (!q.deviceId && q.deviceKey ? [q.deviceKey] : [])))];
  if (ids.length === 0 && keys.length === 0) return () => null;
  const rows = await tx<{ id: string; key: string }[]>`
    select id, key from devices where id = any(${ids}::uuid[]) or key = any(${keys}::text[]) for key share`;
  const live = new Set(rows.map((r) => r.id));
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  return (q) => {
    if (q.deviceId) return live.has(q.deviceId) ? q.deviceId : null;
    return q.deviceKey ? (byKey.get(q.deviceKey) ?? null) : null;
  };
}

export async function insertQuarantine(tx: Tx, all: QuarantineItem[]): Promise<void> {
  // A worker killed after journaling a message but before the broker had its ack gets it twice:
  // from its journal (same message id, so kept once) and redelivered by the broker (a new id).
  // Redeliveries are rare: each is checked for the same topic and bytes kept within the hour.
  const items: QuarantineItem[] = [];
  for (const q of all) {
    if (q.redelivered) {
      const [seen] = await tx`
        select 1 from quarantine where topic = ${q.topic} and payload = ${q.payload}
          and payload_sha256 is not distinct from ${q.cut?.sha256 ?? null}
          and received_at > now() - interval '1 hour' limit 1`;
      if (seen) continue;
    }
    items.push(q);
  }
  if (items.length === 0) return;
  const ownerOf = await quarantineOwners(tx, items);
  // A journal replayed after a crash brings the same message ids: nothing is kept twice.
  await tx`insert into quarantine ${tx(
    items.map((q) => ({
      message_id: q.messageId,
      topic: q.topic,
      device_key: q.deviceKey,
      device_id: ownerOf(q),
      payload: q.payload,
      payload_total_bytes: q.cut?.totalBytes ?? null,
      payload_sha256: q.cut?.sha256 ?? null,
      reason: q.reason,
      detail: q.detail,
      received_at: new Date(q.receivedAt),
    })),
  )} on conflict (message_id) do nothing`;
}
