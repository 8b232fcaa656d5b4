import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { readingBuckets } from "../lib/db/queries/readings";
import { startScratchDatabase } from "../lib/testing/services";
import { mark, percentile, printTable, round } from "./bench/stats";

/**
 * `npm run bench:query` (issue #5): 30 days of 1 Hz readings for one metric, then the readings
 * API's query (rollups for long ranges) against the plain `date_bin` over raw rows, both asking
 * for 1,000 points over 30 d, 7 d and 24 h, interleaved in one run.
 * Database: a scratch one on TEST_DATABASE_URL's server when set, else an embedded PostgreSQL.
 */
const DAY = 86_400_000;
const RANGES = [["30 d", 30 * DAY], ["7 d", 7 * DAY], ["24 h", DAY]] as const;
const POINTS = 1000;
const ROUNDS = 8; // each: every range once raw, API_PER_ROUND times through the API query
const API_PER_ROUND = 10;
const TARGETS = { p95Ms: 50, ratioRaw: 20 };

const database = await startScratchDatabase(process.env.TEST_DATABASE_URL);
const sql = postgres(database.url, { max: 1, onnotice: () => {} });
try {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const deviceId = await seed(now - 30 * DAY, now);
  const api: Record<string, number[]> = {};
  const raw: Record<string, number[]> = {};
  console.error(`timing ${ROUNDS} rounds…`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, range] of RANGES) {
      const q = { deviceId, metric: "temperature", fromMs: now - range, toMs: now, points: POINTS };
      (raw[label] ??= []).push(await timed(() => rawDateBin(q)));
      for (let i = 0; i < API_PER_ROUND; i++) (api[label] ??= []).push(await timed(async () => JSON.stringify(await readingBuckets(sql, q))));
    }
  }
  report(api, raw);
} finally {
  await sql.end();
  await database.stop();
}

/** One device, one metric, a reading every second over [from, to), and its rollups. */
async function seed(fromMs: number, toMs: number): Promise<string> {
  console.error(`seeding ${((toMs - fromMs) / 1000).toLocaleString("en")} readings (30 days at 1 Hz)…`);
  const started = performance.now();
  const [site] = await sql<{ id: string }[]>`insert into sites (slug, name) values ('bench', 'Bench') returning id`;
  const [type] = await sql<{ id: string }[]>`insert into device_types (slug, name, metrics) values ('bench', 'Bench', '[]') returning id`;
  const [device] = await sql<{ id: string }[]>`insert into devices (key, name, site_id, type_id) values ('bench-query', 'Bench', ${site!.id}, ${type!.id}) returning id`;
  const [series] = await sql<{ id: number }[]>`insert into series (device_id, metric) values (${device!.id}, 'temperature') returning id`;
  await sql`
    insert into readings (series_id, ts, value)
    select ${series!.id}, t, 20 + 5 * sin(extract(epoch from t) / 3600) + random()
    from generate_series(to_timestamp(${fromMs / 1000}), to_timestamp(${(toMs - 1000) / 1000}), interval '1 second') t`;
  // The same aggregates the ingest keeps in its transactions (ingest/rollups.int.test.ts checks those).
  for (const [table, unit] of [["rollups_1m", "minute"], ["rollups_1h", "hour"]] as const) {
    await sql`
      insert into ${sql(table)} (series_id, bucket, min, max, sum, count)
      select series_id, date_trunc(${unit}, ts), min(value), max(value), sum(value), count(*) from readings group by 1, 2`;
  }
  await sql`vacuum analyze readings, rollups_1m, rollups_1h`;
  console.error(`seeded in ${Math.round((performance.now() - started) / 1000)} s`);
  return device!.id;
}

/** The baseline: what the API did before rollups — date_bin over the raw rows. */
async function rawDateBin(q: { deviceId: string; metric: string; fromMs: number; toMs: number; points: number }) {
  const bucketMs = Math.ceil((q.toMs - q.fromMs) / q.points);
  return sql`
    select date_bin(make_interval(secs => ${bucketMs / 1000}), r.ts, to_timestamp(${q.fromMs / 1000})) as t,
           avg(r.value) as avg, min(r.value) as min, max(r.value) as max, count(*) as count
    from readings r join series s on s.id = r.series_id
    where s.device_id = ${q.deviceId} and s.metric = ${q.metric}
      and r.ts >= to_timestamp(${q.fromMs / 1000}) and r.ts < to_timestamp(${q.toMs / 1000})
    group by 1 order by 1`;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function report(api: Record<string, number[]>, raw: Record<string, number[]>) {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const all = sorted(Object.values(api).flat());
  const allRaw = sorted(Object.values(raw).flat());
  const summary = {
    p50_ms: round(percentile(all, 0.5), 1),
    p95_ms: round(percentile(all, 0.95), 1),
    raw_p95_ms: round(percentile(allRaw, 0.95), 1),
    ratio_raw: round(percentile(allRaw, 0.95) / percentile(all, 0.95), 1),
  };
  const rows: [string, string, string][] = RANGES.map(([label]) => {
    const a = sorted(api[label]!);
    const r = sorted(raw[label]!);
    return [`${label} at ${POINTS} points`, `${round(percentile(a, 0.95), 1)} ms`, `p50 ${round(percentile(a, 0.5), 1)} ms; raw date_bin p95 ${round(percentile(r, 0.95), 1)} ms (${round(percentile(r, 0.95) / percentile(a, 0.95), 1)}×)`];
  });
  rows.push(
    ["readings API p95, all ranges", `${summary.p95_ms} ms`, `target ≤ ${TARGETS.p95Ms}: ${mark(summary.p95_ms <= TARGETS.p95Ms)}`],
    ["raw p95 / API p95", `${summary.ratio_raw}×`, `target ≥ ${TARGETS.ratioRaw}: ${mark(summary.ratio_raw >= TARGETS.ratioRaw)}`],
  );
  printTable(rows, summary);
}
