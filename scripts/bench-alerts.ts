import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startOwnBroker } from "../test/support/own-broker";
import { startScratchDatabase } from "../test/support/services";
import type { Child } from "./bench/children";
import { createBenchFleet } from "./bench/fleet";
import type { Load } from "./bench/load";
import { forgetSession, waitUntilSubscribed } from "./bench/probe";
import { printTable, round } from "./bench/stats";
import { publishAndTrack } from "./bench/track";
import { spawnBenchWorker } from "./bench/worker";

/**
 * `npm run bench:alerts` (issue #7): ingest throughput with no alert rules, then with 1,000
 * enabled rules covering every device (5 per device on its 3 metrics: every reading is
 * evaluated), alternated BENCH_PASSES times (3) in one run so the machine's drift hits both
 * alike; the best pass of each counts. BENCH_MESSAGES sets each pass's load (40,000 × 3 metrics, 200 devices).
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 40_000);
const DEVICES = 200;
const RULES_PER_DEVICE = 5;
const PASSES = Number(process.env.BENCH_PASSES ?? 3);

const database = await startScratchDatabase(process.env.TEST_DATABASE_URL);
const broker = await startOwnBroker();
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
const journalDir = mkdtempSync(path.join(tmpdir(), "fieldwatch-bench-journal-"));
let worker: Child | undefined;
setTimeout(() => {
  console.error("bench:alerts: no result within 15 minutes; giving up");
  worker?.process.kill("SIGKILL");
  process.exit(1);
}, 15 * 60_000).unref();
try {
  const deviceKeys = await createBenchFleet(sql, DEVICES);
  console.error(
    `bench:alerts — ${MESSAGES} messages × 3 metrics per pass, ${DEVICES} devices, broker: ${broker.kind}`,
  );
  const rates: Record<"none" | "rules", number[]> = { none: [], rules: [] };
  let phase = 0;
  for (const withRules of Array.from({ length: PASSES * 2 }, (_, i) => i % 2 === 1)) {
    await setRules(withRules);
    worker = await spawnBenchWorker({
      databaseUrl: database.url,
      broker,
      clientId: `bench-alerts-${process.pid}`,
      journalDir,
    });
    await waitUntilSubscribed(broker.url, sql, deviceKeys[0]!);
    // Each pass a day later in device time than the last: older readings would be late data, which no rule looks at.
    const load: Load = { deviceKeys, messages: MESSAGES, baseTs: Date.now() - 86_400_000 * (10 - ++phase) };
    const { rate } = await publishAndTrack(sql, broker.url, load, 4, 100);
    rates[withRules ? "rules" : "none"].push(rate);
    console.error(
      `  ${withRules ? `${DEVICES * RULES_PER_DEVICE} rules` : "no rules"}: ${Math.round(rate)} msg/s`,
    );
    await worker.stop();
    await forgetSession(broker.url, `bench-alerts-${process.pid}`);
  }
  const [alerts] = await sql<{ n: number }[]>`select count(*)::int as n from alerts`;
  const best = (xs: number[]) => Math.max(...xs);
  const summary = {
    msgs_per_s_no_rules: Math.round(best(rates.none)),
    msgs_per_s_1000_rules: Math.round(best(rates.rules)),
    slowdown: round(1 - best(rates.rules) / best(rates.none), 3),
    alerts_raised: alerts!.n,
  };
  printTable(
    [
      [
        "no rules",
        `${summary.msgs_per_s_no_rules} msg/s`,
        `best of ${rates.none.map(Math.round).join(", ")}`,
      ],
      [
        `${DEVICES * RULES_PER_DEVICE} rules`,
        `${summary.msgs_per_s_1000_rules} msg/s`,
        `best of ${rates.rules.map(Math.round).join(", ")}; ${summary.alerts_raised} alerts raised`,
      ],
      [
        "slowdown",
        `${round(summary.slowdown * 100, 1)} %`,
        `target ≤ 10 %: ${summary.slowdown <= 0.1 ? "ok" : "MISSED"}`,
      ],
    ],
    summary,
  );
} finally {
  await worker?.stop();
  await sql.end();
  await broker.stop();
  await database.stop();
  rmSync(journalDir, { recursive: true, force: true });
}

/** 5 rules a device on its 3 metrics, some with for-durations and hysteresis; one fires now and then (as real rules do: most readings are fine). */
async function setRules(on: boolean): Promise<void> {
  await sql`delete from alert_rules`;
  if (!on) return;
  await sql`
    insert into alert_rules (site_id, device_id, name, metric, comparison, threshold, for_s, clear_threshold, clear_for_s, severity)
    select d.site_id, d.id, r.name, r.metric, r.comparison, r.threshold, r.for_s, r.clear_threshold, r.clear_for_s, 'warning'
    from devices d cross join (values
      ('hot', 'temperature', 'above', 29.8, 0, 28.0, 0), ('cold', 'temperature', 'below', 15.0, 5, null, 0),
      ('dry', 'humidity', 'below', 35.0, 0, 45.0, 5), ('wet', 'humidity', 'at_or_above', 75.0, 0, null, 0),
      ('battery', 'battery', 'below', 3.0, 60, null, 0)
    ) as r(name, metric, comparison, threshold, for_s, clear_threshold, clear_for_s)
    where d.key like 'bench-%'`;
}
