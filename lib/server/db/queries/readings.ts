import { planBuckets, type Bucket, type BucketPlan } from "../../../domain/readings/bucket-plan";
import type { Sql } from "../connect";

export interface BucketQuery {
  deviceId: string;
  metric: string;
  fromMs: number;
  toMs: number;
  points: number;
}

export interface BucketResult extends BucketPlan {
  buckets: Bucket[];
}

/** GET /api/devices/{key}/readings: the buckets and where they came from. */
export interface ReadingsView extends BucketResult {
  metric: string;
  from: number;
  to: number;
}

/** A metric's newest value by device time; `ts` epoch ms. */
export interface LatestValue {
  ts: number;
  value: number;
}

type BucketRow = { t: number; avg: number; min: number; max: number; count: number };

/**
 * At most `points` buckets over [from, to), read from raw rows or the minute/hour rollups
 * (see planBuckets). Buckets with no data are absent so charts show gaps.
 */
export async function readingBuckets(sql: Sql, q: BucketQuery): Promise<BucketResult> {
  const plan = planBuckets(q.fromMs, q.toMs, q.points);
  const width = sql`make_interval(secs => ${plan.bucketMs / 1000})`;
  const origin = sql`to_timestamp(${plan.originMs / 1000})`;
  const to = sql`to_timestamp(${q.toMs / 1000})`;
  const seriesId = sql`(select id from series where device_id = ${q.deviceId} and metric = ${q.metric})`;
  const rows =
    plan.source === "raw"
      ? await sql<BucketRow[]>`
          select (extract(epoch from date_bin(${width}, ts, ${origin})) * 1000)::float8 as t,
                 avg(value)::float8 as avg, min(value) as min, max(value) as max, count(*)::int as count
          from readings where series_id = ${seriesId} and ts >= ${origin} and ts < ${to}
          group by 1 order by 1`
      : await sql<BucketRow[]>`
          select (extract(epoch from date_bin(${width}, bucket, ${origin})) * 1000)::float8 as t,
                 (sum(sum) / sum(count))::float8 as avg, min(min) as min, max(max) as max, sum(count)::int as count
          from ${sql(plan.source === "minute" ? "rollups_1m" : "rollups_1h")}
          where series_id = ${seriesId} and bucket >= ${origin} and bucket < ${to}
          group by 1 order by 1`;
  return {
    ...plan,
    buckets: rows.map((r) => ({ t: r.t, avg: r.avg, min: r.min, max: r.max, count: r.count })),
  };
}

export async function latestValues(sql: Sql, deviceId: string): Promise<Record<string, LatestValue>> {
  const rows = await sql<{ metric: string; ts: number; value: number }[]>`
    select metric, (extract(epoch from latest_ts) * 1000)::float8 as ts, latest_value as value
    from series where device_id = ${deviceId} and latest_ts is not null order by metric`;
  return Object.fromEntries(rows.map((r) => [r.metric, { ts: r.ts, value: r.value }]));
}
