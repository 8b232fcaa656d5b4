import type { Sql } from "../connect";

export type RawRow = { ts: Date; value: number; flags: number };

/**
 * The raw readings of one metric over [from, to) in time order, `chunk` rows at a time through
 * a server-side cursor, so exporting 30 days at 1 Hz never holds millions of rows in memory.
 */
export function rawReadingsCursor(
  sql: Sql,
  q: { deviceId: string; metric: string; fromMs: number; toMs: number },
  chunk = 5000,
): AsyncIterable<RawRow[]> {
  return sql<RawRow[]>`
    select r.ts, r.value, r.flags from readings r
    where r.series_id = (select id from series where device_id = ${q.deviceId} and metric = ${q.metric})
      and r.ts >= to_timestamp(${q.fromMs / 1000}) and r.ts < to_timestamp(${q.toMs / 1000})
    order by r.ts`.cursor(chunk);
}
