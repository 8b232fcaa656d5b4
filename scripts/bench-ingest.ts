import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mqtt from "mqtt";
import postgres from "postgres";
import { freePort } from "../lib/embedded/ports";
import { decodeLivePayload, LIVE_CHANNEL } from "../lib/live/channel";
import { startOwnBroker } from "../lib/testing/own-broker";
import { startScratchDatabase } from "../lib/testing/services";
import { peakRssMb, spawnScript, type Child } from "./bench/children";
import { cpuPerMessage, cpuSnapshot } from "./bench/cpu";
import { indexOf, publishLoad, type Load } from "./bench/load";
import { printReport } from "./bench/report";
import { percentile } from "./bench/stats";
import { waitUntilSubscribed } from "./bench/probe";
import { INGEST_NODE_ARGS } from "../ingest/node-args";

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
  const deviceKeys = await createFleet();
  const load = (phase: number, messages = MESSAGES): Load => ({ deviceKeys, messages, baseTs: Date.now() - 86_400_000 * (phase + 1) });
  console.error(`bench:ingest — ${MESSAGES} messages × 3 metrics, ${DEVICES} devices, ${CONNECTIONS} publishers, broker: ${broker.kind}`);
  console.error("(b) broker pass-through…");
  const passThrough = await brokerPassThrough(load(0));
  console.error("(a) Fieldwatch end to end, saturated then steady…");
  const e2e = await fieldwatch(load(1), load(3, Math.min(MESSAGES, 20_000)));
  console.error(`(c) naive worker, ${NAIVE_SECONDS} s…`);
  const naiveRate = await naiveWorker(load(2, Math.min(MESSAGES, 30_000)));
  printReport({ broker: broker.kind, messages: MESSAGES, brokerRate: passThrough.rate, brokerCpu: passThrough.cpu, e2e, naiveRate });
} finally {
  for (const child of children) await child.stop();
  await sql.end();
  await broker.stop();
  await database.stop();
  rmSync(journalDir, { recursive: true, force: true });
}

async function createFleet(): Promise<string[]> {
  const [site] = await sql<{ id: string }[]>`insert into sites (slug, name) values ('bench', 'Bench') returning id`;
  const metrics = [{ name: "temperature", min: -40, max: 85 }, { name: "humidity", min: 0, max: 100 }, { name: "battery", min: 0, max: 5 }];
  const [type] = await sql<{ id: string }[]>`insert into device_types (slug, name, metrics) values ('bench', 'Bench', ${sql.json(metrics)}) returning id`;
  const keys = Array.from({ length: DEVICES }, (_, i) => `bench-${String(i).padStart(4, "0")}`);
  await sql`insert into devices (key, name, site_id, type_id) select k, k, ${site!.id}, ${type!.id} from unnest(${keys}::text[]) k`;
  // The naive worker needs series ids; creating them up front spares the real worker nothing that matters.
  await sql`insert into series (device_id, metric) select d.id, m from devices d, unnest(${metrics.map((m) => m.name)}::text[]) m`;
  return keys;
}

/** (b) messages/s from the first publish to the counter's last message, and CPU µs per message by process. */
async function brokerPassThrough(load: Load) {
  const counter = spawnScript("scripts/bench/counter.ts", { MQTT_URL: broker.url, EXPECT: String(load.messages) });
  children.push(counter);
  await counter.line("ready");
  const pids = { publishers: process.pid };
  const before = cpuSnapshot(pids);
  const { startedAt } = await publishLoad(broker.url, load, CONNECTIONS, WINDOW);
  // The counter leaves once done, so it reports its own CPU time.
  const [, doneAt, subscriberMicros] = (await counter.line("done")).split(" ").map(Number);
  const cpu = { ...cpuPerMessage(before, cpuSnapshot(pids), load.messages), subscriber: Math.round(subscriberMicros! / load.messages) };
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
  const httpPort = await freePort();
  const worker = spawnScript("ingest/index.ts", {
    DATABASE_URL: database.url,
    MQTT_URL: broker.url,
    MQTT_PROTOCOL_VERSION: String(broker.protocolVersion),
    MQTT_SHARED_GROUP: "",
    INGEST_CLIENT_ID: clientId,
    INGEST_JOURNAL_DIR: journalDir,
    INGEST_HTTP_PORT: String(httpPort),
    LOG_LEVEL: "warn",
  }, [...INGEST_NODE_ARGS, ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [])]);
  children.push(worker);
  await waitUntilSubscribed(broker.url, sql, saturatedLoad.deviceKeys[0]!);
  const pids = { worker: worker.process.pid, publishers: process.pid };
  const before = cpuSnapshot(pids);
  const saturated = await publishAndTrack(saturatedLoad);
  const cpu = cpuPerMessage(before, cpuSnapshot(pids), saturatedLoad.messages);
  const steady = await publishAndTrack(steadyLoad, saturated.rate / 2);
  const rssMb = peakRssMb(worker.process.pid!);
  await worker.stop();
  await forgetSession(broker.url, clientId);
  const [rows] = await sql<{ n: number }[]>`select count(*)::int as n from readings where ts >= to_timestamp(${saturatedLoad.baseTs / 1000}) and ts < to_timestamp(${(saturatedLoad.baseTs + 86_400_000) / 1000})`;
  return { ...saturated, steady, rssMb, rows: rows!.n, cpu };
}

/** Publishes `load` and waits for every message's commit, seen as its NOTIFY (sent inside the worker's transaction, delivered at commit). */
async function publishAndTrack(load: Load, perSecond?: number) {
  const deviceIndex = new Map(load.deviceKeys.map((k, i) => [k, i]));
  const committedAt = new Float64Array(load.messages);
  let committed = 0;
  let lastCommit = 0;
  let allCommitted!: () => void;
  const done = new Promise<void>((resolve) => (allCommitted = resolve));
  const listener = await sql.listen(LIVE_CHANNEL, (payload) => {
    const now = Date.now();
    for (const event of decodeLivePayload(payload)) {
      if (event.type !== "reading" || event.metric !== "temperature") continue;
      const d = deviceIndex.get(event.device);
      if (d === undefined || event.ts < load.baseTs || event.ts >= load.baseTs + load.messages) continue;
      committedAt[indexOf(load, d, event.ts)] = now;
      lastCommit = now;
      if (++committed === load.messages) allCommitted();
    }
  });
  const { sentAt, startedAt } = await publishLoad(broker.url, load, CONNECTIONS, WINDOW, perSecond);
  const timeout = setTimeout(() => allCommitted(), 120_000);
  await done;
  clearTimeout(timeout);
  await listener.unlisten();
  if (committed < load.messages) throw new Error(`only ${committed} of ${load.messages} messages committed within 120 s`);
  const latencies = Array.from(committedAt, (at, i) => at - sentAt[i]!).sort((x, y) => x - y);
  return { rate: (load.messages / (lastCommit - startedAt)) * 1000, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/** (c) messages/s the naive worker commits, over NAIVE_SECONDS (it can't keep up with the load). */
async function naiveWorker(load: Load): Promise<number> {
  const naive = spawnScript("scripts/bench/naive-worker.ts", { DATABASE_URL: database.url, MQTT_URL: broker.url });
  children.push(naive);
  await naive.line("ready");
  const rows = async () => (await sql<{ n: number }[]>`select count(*)::int as n from readings where ts >= to_timestamp(${load.baseTs / 1000})`)[0]!.n;
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

/** Ends the worker's persistent session, so the broker stops queueing for it during phase (c). */
async function forgetSession(url: string, clientId: string): Promise<void> {
  const client = await mqtt.connectAsync(url, { clientId, clean: true });
  await client.endAsync();
}
