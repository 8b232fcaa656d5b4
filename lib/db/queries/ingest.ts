import type postgres from "postgres";
import { encodeLivePayloads, LIVE_CHANNEL, type LiveEvent } from "../../live/channel";
import type { Sql } from "../connect";

export interface SeriesReading {
  deviceId: string;
  deviceKey: string;
  metric: string;
  ts: number;
  value: number;
  flags: number;
}

export interface QuarantineItem {
  topic: string;
  deviceKey: string | null;
  payload: Buffer;
  reason: string;
  detail: string;
  receivedAt: number;
}

export interface StatusChange {
  deviceId: string;
  deviceKey: string;
  status: "online" | "offline";
  at: number;
}

export interface BatchInput {
  readings: SeriesReading[];
  quarantine: QuarantineItem[];
  statuses: StatusChange[];
  /** device id → newest receive time in this batch, for last_seen. */
  seen: Map<string, number>;
}

export interface BatchResult {
  inserted: number;
  duplicates: number;
}

type Tx = postgres.TransactionSql;

/**
 * Writes one batch in one transaction: series, readings (idempotent), latest values (forward
 * in device time only), last seen, quarantine, status; then NOTIFY, which PostgreSQL delivers
 * only when the transaction commits — so live views never show what was not stored.
 */
export async function writeBatch(sql: Sql, input: BatchInput, seriesCache: Map<string, number>): Promise<BatchResult> {
  return sql.begin(async (tx) => {
    await resolveSeries(tx, input.readings, seriesCache);
    const inserted = await insertReadings(tx, input.readings, seriesCache);
    await updateLastSeen(tx, input.seen);
    await insertQuarantine(tx, input.quarantine);
    await updateStatuses(tx, input.statuses);
    const events: LiveEvent[] = [
      ...inserted.map((r) => ({ type: "reading" as const, device: r.deviceKey, metric: r.metric, ts: r.ts, value: r.value })),
      ...input.statuses.map((s) => ({ type: "status" as const, device: s.deviceKey, status: s.status, ts: s.at })),
    ];
    const payloads = encodeLivePayloads(events);
    if (payloads.length > 0) await tx`select pg_notify(${LIVE_CHANNEL}, p) from unnest(${payloads}::text[]) as p`;
    return { inserted: inserted.length, duplicates: input.readings.length - inserted.length };
  }) as Promise<BatchResult>;
}

const seriesKey = (deviceId: string, metric: string) => `${deviceId}\u0000${metric}`;

async function resolveSeries(tx: Tx, readings: SeriesReading[], cache: Map<string, number>): Promise<void> {
  const missing = new Map<string, { deviceId: string; metric: string }>();
  for (const r of readings) {
    const key = seriesKey(r.deviceId, r.metric);
    if (!cache.has(key)) missing.set(key, { deviceId: r.deviceId, metric: r.metric });
  }
  if (missing.size === 0) return;
  const list = [...missing.values()];
  // DO UPDATE (a no-op) so RETURNING also yields series that already existed.
  const rows = await tx<{ id: number; device_id: string; metric: string }[]>`
    insert into series (device_id, metric)
    select * from unnest(${list.map((s) => s.deviceId)}::uuid[], ${list.map((s) => s.metric)}::text[])
    on conflict (device_id, metric) do update set metric = excluded.metric
    returning id, device_id, metric`;
  for (const row of rows) cache.set(seriesKey(row.device_id, row.metric), row.id);
}

async function insertReadings(tx: Tx, readings: SeriesReading[], cache: Map<string, number>): Promise<SeriesReading[]> {
  if (readings.length === 0) return [];
  const ids = readings.map((r) => cache.get(seriesKey(r.deviceId, r.metric)) as number);
  // Duplicates inside the batch are removed first: ON CONFLICT cannot touch a row twice.
  const rows = await tx<{ i: number }[]>`
    with input as (
      select * from unnest(${ids}::int[], ${readings.map((r) => r.ts)}::float8[], ${readings.map((r) => r.value)}::float8[],
                           ${readings.map((r) => r.flags)}::int2[]) with ordinality as t(series_id, ms, value, flags, i)
    ), uniq as (
      select distinct on (series_id, ms) series_id, to_timestamp(ms / 1000.0) as ts, value, flags, i from input order by series_id, ms, i
    ), ins as (
      insert into readings (series_id, ts, value, flags)
      select series_id, ts, value, flags from uniq
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
    select u.i::int as i from uniq u join ins on ins.series_id = u.series_id and ins.ts = u.ts`;
  return rows.map((row) => readings[row.i - 1] as SeriesReading);
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

async function updateLastSeen(tx: Tx, seen: Map<string, number>): Promise<void> {
  if (seen.size === 0) return;
  await tx`
    update devices d set last_seen_at = greatest(d.last_seen_at, to_timestamp(s.ms / 1000.0))
    from unnest(${[...seen.keys()]}::uuid[], ${[...seen.values()]}::float8[]) as s(id, ms)
    where d.id = s.id`;
}

async function insertQuarantine(tx: Tx, items: QuarantineItem[]): Promise<void> {
  if (items.length === 0) return;
  await tx`insert into quarantine ${tx(
    items.map((q) => ({
      topic: q.topic,
      device_key: q.deviceKey,
      payload: q.payload,
      reason: q.reason,
      detail: q.detail,
      received_at: new Date(q.receivedAt),
    })),
  )}`;
}

async function updateStatuses(tx: Tx, statuses: StatusChange[]): Promise<void> {
  for (const s of statuses) {
    await tx`update devices set reported_status = ${s.status}, reported_status_at = ${new Date(s.at)} where id = ${s.deviceId}`;
  }
}
