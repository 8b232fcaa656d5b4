import type { Sql } from "../../lib/server/db/connect";
import { createRng, demoDeviceType, IMPOSSIBLE_TEMPERATURE, sampleValue } from "./fleet";
import type { SeededDevice } from "./seed";

export const BACKFILL_DAYS = 7;
const STEP_MS = 5 * 60_000;

/**
 * Gives a brand-new demo fleet a week of history (a reading every 5 minutes, from the same value
 * model as the simulator), so the 24 h and 7 d charts have something to show on the first
 * start. Only when none of these devices has any reading yet: it never touches real data.
 * Rollups are computed from the inserted rows, as the ingest keeps them; latest values are left
 * to the live simulator. Returns how many readings it wrote.
 */
export async function backfillDemoHistory(sql: Sql, devices: SeededDevice[], nowMs: number): Promise<number> {
  const ids = devices.map((d) => d.id);
  const [existing] = await sql<{ any: boolean }[]>`
    select exists (select 1 from series s join readings r on r.series_id = s.id where s.device_id = any(${ids}::uuid[])) as any`;
  if (existing!.any) return 0;
  const end = Math.floor(nowMs / STEP_MS) * STEP_MS - STEP_MS; // the simulator takes over from here
  const rng = createRng(20_261_122);
  const seriesIds: number[] = [];
  const times: number[] = [];
  const values: number[] = [];
  return sql.begin(async (tx) => {
    for (const device of devices) {
      for (const metric of demoDeviceType(device.typeSlug).metrics) {
        const [series] = await tx<{ id: number }[]>`
          insert into series (device_id, metric) values (${device.id}, ${metric.name})
          on conflict (device_id, metric) do update set metric = excluded.metric returning id`;
        for (let t = end - BACKFILL_DAYS * 86_400_000; t < end; t += STEP_MS) {
          const value = sampleValue(metric.name, device.index, t, rng);
          if (value === IMPOSSIBLE_TEMPERATURE) continue; // the ingest would have quarantined it
          seriesIds.push(series!.id);
          times.push(t);
          values.push(value);
        }
      }
    }
    await tx`
      insert into readings (series_id, ts, value)
      select s, to_timestamp(t / 1000.0), v from unnest(${seriesIds}::int[], ${times}::float8[], ${values}::float8[]) as x(s, t, v)`;
    for (const [table, unit] of [
      ["rollups_1m", "minute"],
      ["rollups_1h", "hour"],
    ] as const) {
      await tx`
        insert into ${tx(table)} (series_id, bucket, min, max, sum, count)
        select series_id, date_trunc(${unit}, ts), min(value), max(value), sum(value), count(*)
        from readings where series_id = any(${[...new Set(seriesIds)]}::int[]) group by 1, 2`;
    }
    return values.length;
  });
}
