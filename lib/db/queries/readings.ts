import type { Sql } from "../connect";

export interface Bucket {
  /** Bucket start, epoch ms. */
  t: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

export interface BucketQuery {
  deviceId: string;
  metric: string;
  fromMs: number;
  toMs: number;
  points: number;
}

/**
 * At most `points` buckets over [from, to); buckets with no data are absent so charts show
 * gaps. Issue #5 moves long ranges onto minute/hour rollups; this reads raw rows.
 */
export async function readingBuckets(sql: Sql, q: BucketQuery): Promise<{ bucketMs: number; buckets: Bucket[] }> {
  const bucketMs = Math.max(1, Math.ceil((q.toMs - q.fromMs) / q.points));
  const rows = await sql<{ t: string; avg: number; min: number; max: number; count: number }[]>`
    select (extract(epoch from date_bin(make_interval(secs => ${bucketMs / 1000}), r.ts, to_timestamp(${q.fromMs / 1000}))) * 1000)::float8 as t,
           avg(r.value)::float8 as avg, min(r.value) as min, max(r.value) as max, count(*)::int as count
    from readings r join series s on s.id = r.series_id
    where s.device_id = ${q.deviceId} and s.metric = ${q.metric}
      and r.ts >= to_timestamp(${q.fromMs / 1000}) and r.ts < to_timestamp(${q.toMs / 1000})
    group by 1 order by 1`;
  return { bucketMs, buckets: rows.map((r) => ({ t: Number(r.t), avg: r.avg, min: r.min, max: r.max, count: r.count })) };
}

export async function latestValues(sql: Sql, deviceId: string): Promise<Record<string, { ts: string; value: number }>> {
  const rows = await sql<{ metric: string; latest_ts: Date; latest_value: number }[]>`
    select metric, latest_ts, latest_value from series where device_id = ${deviceId} and latest_ts is not null order by metric`;
  return Object.fromEntries(rows.map((r) => [r.metric, { ts: r.latest_ts.toISOString(), value: r.latest_value }]));
}
