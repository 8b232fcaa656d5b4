import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { listDevices, type DeviceListParams } from "../lib/server/db/queries/devices";
import { readingBuckets } from "../lib/server/db/queries/readings";
import { startScratchDatabase } from "../test/support/services";
import { mark, percentile, printTable, round } from "./bench/stats";

/**
 * `npm run bench:query` (issue #5): 30 days of 1 Hz readings for one metric, then the readings
 * API's query (rollups for long ranges) against the plain `date_bin` over raw rows, both asking
 * for 1,000 points over 30 d, 7 d and 24 h, interleaved in one run; then the fleet list over
 * 10,000 devices (target p95 ≤ 200 ms) with the filters and sorts the Devices page offers.
 * Database: a scratch one on TEST_DATABASE_URL's server when set, else an embedded PostgreSQL.
 */
const DAY = 86_400_000;
const RANGES = [
  ["30 d", 30 * DAY],
  ["7 d", 7 * DAY],
  ["24 h", DAY],
] as const;
const POINTS = 1000;
const ROUNDS = 8; // each: every range once raw, API_PER_ROUND times through the API query
const API_PER_ROUND = 10;
const TARGETS = { p95Ms: 50, ratioRaw: 20, fleetP95Ms: 200 };
const FLEET = 10_000;

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
      for (let i = 0; i < API_PER_ROUND; i++)
        (api[label] ??= []).push(await timed(async () => JSON.stringify(await readingBuckets(sql, q))));
    }
  }
  const fleet = await timeFleet();
  report(api, raw, fleet);
} finally {
  await sql.end();
  await database.stop();
}

/** One device, one metric, a reading every second over [from, to), and its rollups. */
async function seed(fromMs: number, toMs: number): Promise<string> {
  console.error(`seeding ${((toMs - fromMs) / 1000).toLocaleString("en")} readings (30 days at 1 Hz)…`);
  const started = performance.now();
  const [site] = await sql<
    { id: string }[]
  >`insert into sites (slug, name) values ('bench', 'Bench') returning id`;
  const [type] = await sql<
    { id: string }[]
  >`insert into device_types (slug, name, metrics) values ('bench', 'Bench', '[]') returning id`;
  const [device] = await sql<
    { id: string }[]
  >`insert into devices (key, name, site_id, type_id) values ('bench-query', 'Bench', ${site!.id}, ${type!.id}) returning id`;
  const [series] = await sql<
    { id: number }[]
  >`insert into series (device_id, metric) values (${device!.id}, 'temperature') returning id`;
  await sql`
    insert into readings (series_id, ts, value)
    select ${series!.id}, t, 20 + 5 * sin(extract(epoch from t) / 3600) + random()
    from generate_series(to_timestamp(${fromMs / 1000}), to_timestamp(${(toMs - 1000) / 1000}), interval '1 second') t`;
  // The same aggregates the ingest keeps in its transactions (ingest/rollups.int.test.ts checks those).
  for (const [table, unit] of [
    ["rollups_1m", "minute"],
    ["rollups_1h", "hour"],
  ] as const) {
    await sql`
      insert into ${sql(table)} (series_id, bucket, min, max, sum, count)
      select series_id, date_trunc(${unit}, ts), min(value), max(value), sum(value), count(*) from readings group by 1, 2`;
  }
  await sql`vacuum analyze readings, rollups_1m, rollups_1h`;
  console.error(`seeded in ${Math.round((performance.now() - started) / 1000)} s`);
  return device!.id;
}

/** The baseline: what the API did before rollups — date_bin over the raw rows. */
async function rawDateBin(q: {
  deviceId: string;
  metric: string;
  fromMs: number;
  toMs: number;
  points: number;
}) {
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

/** The Devices page's queries over FLEET devices in 20 sites, as a global admin sees them. */
async function timeFleet(): Promise<number[]> {
  console.error(`seeding ${FLEET.toLocaleString("en")} devices…`);
  await sql`insert into sites (slug, name) select 'site-' || i, 'Site ' || i from generate_series(1, 20) i`;
  await sql`insert into device_types (slug, name, metrics) select 'type-' || i, 'Type ' || i, '[{"name":"temperature","key":true},{"name":"humidity","key":true}]' from generate_series(1, 5) i`;
  await sql`
    insert into devices (key, name, site_id, type_id, last_seen_at)
    select 'fleet-' || lpad(i::text, 5, '0'), 'Sensor ' || i,
           (select id from sites where slug = 'site-' || (1 + i % 20)), (select id from device_types where slug = 'type-' || (1 + i % 5)),
           case when i % 10 = 0 then null else now() - make_interval(secs => i % 900) end
    from generate_series(1, ${FLEET}) i`;
  await sql`
    insert into series (device_id, metric, latest_ts, latest_value)
    select d.id, m, d.last_seen_at, random() * 40 from devices d, unnest(array['temperature', 'humidity']) m where d.key like 'fleet-%'`;
  await sql`vacuum analyze devices, series`;
  const everything = { all: true } as const;
  const base: DeviceListParams = { page: 1, pageSize: 50, sort: "name" };
  const queries: DeviceListParams[] = [
    base,
    { ...base, sort: "-lastSeen" },
    { ...base, status: "never" },
    { ...base, q: "sensor 42" },
    { ...base, site: "site-7", sort: "status" },
    { ...base, page: FLEET / 50 },
  ];
  const times: number[] = [];
  for (let round = 0; round < 10; round++)
    for (const q of queries) times.push(await timed(() => listDevices(sql, everything, q)));
  return times;
}

function report(api: Record<string, number[]>, raw: Record<string, number[]>, fleet: number[]) {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const all = sorted(Object.values(api).flat());
  const allRaw = sorted(Object.values(raw).flat());
  const summary = {
    p50_ms: round(percentile(all, 0.5), 1),
    p95_ms: round(percentile(all, 0.95), 1),
    raw_p95_ms: round(percentile(allRaw, 0.95), 1),
    ratio_raw: round(percentile(allRaw, 0.95) / percentile(all, 0.95), 1),
    fleet_p50_ms: round(percentile(sorted(fleet), 0.5), 1),
    fleet_p95_ms: round(percentile(sorted(fleet), 0.95), 1),
  };
  const rows: [string, string, string][] = RANGES.map(([label]) => {
    const a = sorted(api[label]!);
    const r = sorted(raw[label]!);
    return [
      `${label} at ${POINTS} points`,
      `${round(percentile(a, 0.95), 1)} ms`,
      `p50 ${round(percentile(a, 0.5), 1)} ms; raw date_bin p95 ${round(percentile(r, 0.95), 1)} ms (${round(percentile(r, 0.95) / percentile(a, 0.95), 1)}×)`,
    ];
  });
  rows.push(
    [
      "readings API p95, all ranges",
      `${summary.p95_ms} ms`,
      `target ≤ ${TARGETS.p95Ms}: ${mark(summary.p95_ms <= TARGETS.p95Ms)}`,
    ],
    [
      "raw p95 / API p95",
      `${summary.ratio_raw}×`,
      `target ≥ ${TARGETS.ratioRaw}: ${mark(summary.ratio_raw >= TARGETS.ratioRaw)}`,
    ],
    [
      `devices list, ${FLEET.toLocaleString("en")} devices, p95`,
      `${summary.fleet_p95_ms} ms`,
      `p50 ${summary.fleet_p50_ms} ms; target ≤ ${TARGETS.fleetP95Ms}: ${mark(summary.fleet_p95_ms <= TARGETS.fleetP95Ms)}`,
    ],
  );
  printTable(rows, summary);
}
