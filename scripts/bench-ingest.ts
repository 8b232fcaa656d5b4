import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startOwnBroker } from "../test/support/own-broker";
import { startScratchDatabase } from "../test/support/services";
import { peakRssMb, spawnScript, type Child } from "./bench/children";
import { spawnBenchWorker } from "./bench/worker";
import { cpuPerMessage, cpuSnapshot } from "./bench/cpu";
import { publishLoad, type Load } from "./bench/load";
import { printReport } from "./bench/report";
import { forgetSession, waitUntilSubscribed } from "./bench/probe";
import { createBenchFleet } from "./bench/fleet";
import { publishAndTrack } from "./bench/track";

/**
 * `npm run bench:ingest` (issue #4): QoS 1 telemetry, 3 metrics a message, many devices, several
 * publisher connections, through Mosquitto (aedes when it isn't installed), measured in one run:
 *   (a) Fieldwatch end to end: publish start → last row committed, and publish → commit latency;
 *   (b) the broker's pass-through: a subscriber that only counts;
 *   (c) a naive worker: one INSERT per message.
 * BENCH_MESSAGES sets the load (default 60,000); BENCH_PROFILE=1 writes the worker's CPU profile to /tmp/prof.
 * Database: a scratch one on TEST_DATABASE_URL's server when set, else an embedded PostgreSQL.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 60_000);
const DEVICES = 200;
const CONNECTIONS = 4;
const WINDOW = 100; // unacknowledged publishes per connection
const NAIVE_SECONDS = 10;

const database = await startScratchDatabase(process.env.TEST_DATABASE_URL);
const broker = await startOwnBroker();
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
const journalDir = mkdtempSync(path.join(tmpdir(), "fieldwatch-bench-journal-"));
const children: Child[] = [];
// A broker or worker that stops answering would otherwise hang the run without a word.
setTimeout(() => {
  console.error("bench:ingest: no result within 15 minutes; giving up");
  children.forEach((c) => c.process.kill("SIGKILL"));
  process.exit(1);
}, 15 * 60_000).unref();
try {
  const deviceKeys = await createBenchFleet(sql, DEVICES);
  const load = (phase: number, messages = MESSAGES): Load => ({
    deviceKeys,
    messages,
    baseTs: Date.now() - 86_400_000 * (phase + 1),
  });
  console.error(
    `bench:ingest — ${MESSAGES} messages × 3 metrics, ${DEVICES} devices, ${CONNECTIONS} publishers, broker: ${broker.kind}`,
  );
  console.error("(b) broker pass-through…");
  const passThrough = await brokerPassThrough(load(0));
  console.error("(a) Fieldwatch end to end, saturated then steady…");
  const e2e = await fieldwatch(load(1), load(3, Math.min(MESSAGES, 20_000)));
  console.error(`(c) naive worker, ${NAIVE_SECONDS} s…`);
  const naiveRate = await naiveWorker(load(2, Math.min(MESSAGES, 30_000)));
  printReport({
    broker: broker.kind,
    messages: MESSAGES,
    brokerRate: passThrough.rate,
    brokerCpu: passThrough.cpu,
    e2e,
    naiveRate,
  });
} finally {
  for (const child of children) await child.stop();
  await sql.end();
  await broker.stop();
  await database.stop();
  rmSync(journalDir, { recursive: true, force: true });
}

/** (b) messages/s from the first publish to the counter's last message, and CPU µs per message by process. */
async function brokerPassThrough(load: Load) {
  const counter = spawnScript("scripts/bench/counter.ts", {
    MQTT_URL: broker.url,
    EXPECT: String(load.messages),
  });
  children.push(counter);
  await counter.line("ready");
  const pids = { publishers: process.pid };
  const before = cpuSnapshot(pids);
  const { startedAt } = await publishLoad(broker.url, load, CONNECTIONS, WINDOW);
  // The counter leaves once done, so it reports its own CPU time.
  const [, doneAt, subscriberMicros] = (await counter.line("done")).split(" ").map(Number);
  const cpu = {
    ...cpuPerMessage(before, cpuSnapshot(pids), load.messages),
    subscriber: Math.round(subscriberMicros! / load.messages),
  };
  await counter.stop();
  return { rate: (load.messages / (doneAt! - startedAt)) * 1000, cpu };
}

/**
 * (a) messages/s from the first publish to the last commit, peak RSS, and publish → commit
 * latency twice: in that saturated run (mostly time queued in the broker) and at a steady half
 * of the rate just measured (what a device sees on a busy but keeping-up system).
 */
async function fieldwatch(saturatedLoad: Load, steadyLoad: Load) {
  const clientId = `bench-ingest-${process.pid}`;
  const worker = await spawnBenchWorker({
    databaseUrl: database.url,
    broker,
    clientId,
    journalDir,
    profile: Boolean(process.env.BENCH_PROFILE),
  });
  children.push(worker);
  await waitUntilSubscribed(broker.url, sql, saturatedLoad.deviceKeys[0]!);
  const pids = { worker: worker.process.pid, publishers: process.pid };
  const before = cpuSnapshot(pids);
  const saturated = await publishAndTrack(sql, broker.url, saturatedLoad, CONNECTIONS, WINDOW);
  const cpu = cpuPerMessage(before, cpuSnapshot(pids), saturatedLoad.messages);
  const steady = await publishAndTrack(sql, broker.url, steadyLoad, CONNECTIONS, WINDOW, saturated.rate / 2);
  const rssMb = peakRssMb(worker.process.pid!);
  await worker.stop();
  await forgetSession(broker.url, clientId);
  const [rows] = await sql<
    { n: number }[]
  >`select count(*)::int as n from readings where ts >= to_timestamp(${saturatedLoad.baseTs / 1000}) and ts < to_timestamp(${(saturatedLoad.baseTs + 86_400_000) / 1000})`;
  return { ...saturated, steady, rssMb, rows: rows!.n, cpu };
}

/** (c) messages/s the naive worker commits, over NAIVE_SECONDS (it can't keep up with the load). */
async function naiveWorker(load: Load): Promise<number> {
  const naive = spawnScript("scripts/bench/naive-worker.ts", {
    DATABASE_URL: database.url,
    MQTT_URL: broker.url,
  });
  children.push(naive);
  await naive.line("ready");
  const rows = async () =>
    (
      await sql<
        { n: number }[]
      >`select count(*)::int as n from readings where ts >= to_timestamp(${load.baseTs / 1000})`
    )[0]!.n;
  const before = await rows();
  const startedAt = Date.now();
  const publishing = publishLoad(broker.url, load, CONNECTIONS, WINDOW);
  let written = 0;
  while (Date.now() - startedAt < NAIVE_SECONDS * 1000 && written < load.messages * 3) {
    await new Promise((r) => setTimeout(r, 250));
    written = (await rows()) - before;
  }
  const elapsed = Date.now() - startedAt;
  await naive.stop();
  await publishing;
  return (written / 3 / elapsed) * 1000;
}
