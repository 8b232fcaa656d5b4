import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { generateApiToken } from "../lib/domain/auth/api-tokens";
import { freePort } from "./embedded/ports";
import { decodeLivePayload, LIVE_CHANNEL } from "../lib/server/live/channel";
import { startOwnBroker } from "../test/support/own-broker";
import { startScratchDatabase } from "../test/support/services";
import { spawnScript, type Child } from "./bench/children";
import { indexOf, publishLoad, type Load } from "./bench/load";
import { waitUntilSubscribed } from "./bench/probe";
import { mark, percentile, printTable, round } from "./bench/stats";
import { INGEST_NODE_ARGS } from "../ingest/node-args";

/**
 * `npm run bench:live` (issue #5): the built web app, the ingest worker, a broker and a scratch
 * database. 200 SSE clients each watch one of 200 devices while 5,000 msg/s are published;
 * measured: publish → SSE event latency, against publish → commit (NOTIFY) in the same run;
 * then the web process's memory with 0 and with 1,000 open streams.
 */
const DEVICES = 200;
const CLIENTS = 200;
const MANY_CLIENTS = 1000;
const RATE = 5000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Unmeasured load first, with the streams open: the figures are of a dashboard that has been running, not of its first seconds (JIT, caches, new series). */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const TARGETS = { p99Ms: 150 };

const database = await startScratchDatabase(process.env.TEST_DATABASE_URL);
const broker = await startOwnBroker();
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
const workDir = mkdtempSync(path.join(tmpdir(), "fieldwatch-bench-live-"));
const children: Child[] = [];
let web: ReturnType<typeof spawn> | undefined;
setTimeout(() => {
  console.error("bench:live: no result within 10 minutes; giving up");
  web?.kill("SIGKILL");
  children.forEach((c) => c.process.kill("SIGKILL"));
  process.exit(1);
}, 10 * 60_000).unref();

try {
  buildIfNeeded();
  const keys = await createFleet();
  const token = await createToken();
  const webUrl = await startWeb();
  await startWorker(keys[0]!);
  console.error(
    `bench:live — ${CLIENTS} streams, ${RATE} msg/s for ${SECONDS} s (after ${WARMUP_SECONDS} s of warm-up) over ${DEVICES} devices, broker: ${broker.kind}`,
  );
  const idleKb = await settledRssKb();
  const latency = await measureLatency(webUrl, token, keys);
  console.error(`${MANY_CLIENTS} streams…`);
  const manyKb = await rssWithClients(webUrl, token, keys);
  report(latency, idleKb, manyKb);
} finally {
  for (const child of children) await child.stop();
  web?.kill("SIGTERM");
  await sql.end();
  await broker.stop();
  await database.stop();
  rmSync(workDir, { recursive: true, force: true });
}

/** A fresh production build (a stale one would measure old code); BENCH_SKIP_BUILD=1 reuses `.next`. */
function buildIfNeeded() {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) return;
  console.error("building the web app (next build)…");
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (built.status !== 0) throw new Error("next build failed");
}

async function createFleet(): Promise<string[]> {
  const [site] = await sql<
    { id: string }[]
  >`insert into sites (slug, name) values ('bench', 'Bench') returning id`;
  const keys = Array.from({ length: DEVICES }, (_, i) => `live-${String(i).padStart(3, "0")}`);
  await sql`insert into devices (key, name, site_id) select k, k, ${site!.id} from unnest(${keys}::text[]) k`;
  return keys;
}

/** A global admin's API token: the streams authenticate as a script would. */
async function createToken(): Promise<string> {
  const [user] = await sql<
    { id: string }[]
  >`insert into users (email, name, password_hash, is_admin) values ('bench@bench.test', 'Bench', '!', true) returning id`;
  const { token, hash, prefix } = generateApiToken();
  await sql`insert into api_tokens (user_id, name, token_hash, prefix, scope) values (${user!.id}, 'bench', ${hash}, ${prefix}, 'read')`;
  return token;
}

async function startWeb(): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE=1: the web process's CPU profile, written to /tmp/prof when it exits.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [];
  web = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/web-server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      // One user holds every stream here; the default cap (20) is per person.
      LIVE_MAX_STREAMS_PER_USER: String(MANY_CLIENTS * 2),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return url;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the web app did not answer within 60 s");
}

async function startWorker(probeKey: string): Promise<void> {
  const worker = spawnScript(
    "ingest/index.ts",
    {
      DATABASE_URL: database.url,
      MQTT_URL: broker.url,
      MQTT_PROTOCOL_VERSION: String(broker.protocolVersion),
      MQTT_SHARED_GROUP: "",
      INGEST_CLIENT_ID: `bench-live-${process.pid}`,
      INGEST_JOURNAL_DIR: path.join(workDir, "journal"),
      INGEST_HTTP_PORT: String(await freePort()),
      LOG_LEVEL: "warn",
    },
    INGEST_NODE_ARGS,
  );
  children.push(worker);
  await waitUntilSubscribed(broker.url, sql, probeKey);
}

function sseClients(webUrl: string, token: string, keys: string[], clients: number, out: string): Child {
  const child = spawnScript("scripts/bench/sse-clients.ts", {
    WEB_URL: webUrl,
    TOKEN: token,
    KEYS: keys.join(","),
    CLIENTS: String(clients),
    OUT: out,
  });
  children.push(child);
  return child;
}

/** Publish → SSE latency of every `temperature` reading, and publish → commit for the same messages. */
async function measureLatency(webUrl: string, token: string, keys: string[]) {
  const load: Load = { deviceKeys: keys, messages: RATE * SECONDS, baseTs: Date.now() - 86_400_000 };
  const out = path.join(workDir, "received.json");
  const clients = sseClients(webUrl, token, keys, CLIENTS, out);
  await clients.line("ready");
  const committedAt = new Float64Array(load.messages);
  const deviceIndex = new Map(keys.map((k, i) => [k, i]));
  const listener = await sql.listen(LIVE_CHANNEL, (payload) => {
    const now = Date.now();
    for (const e of decodeLivePayload(payload)) {
      const d = e.type === "readings" ? deviceIndex.get(e.device) : undefined;
      if (d === undefined || e.type !== "readings") continue;
      for (const r of e.readings)
        if (r.metric === "temperature" && r.ts >= load.baseTs) committedAt[indexOf(load, d, r.ts)] = now;
    }
  });
  if (WARMUP_SECONDS > 0) {
    // Device times an hour before the measured ones, so they are told apart (and are not late).
    console.error(`warming up: ${WARMUP_SECONDS} s of the same load, not measured…`);
    await publishLoad(
      broker.url,
      { deviceKeys: keys, messages: RATE * WARMUP_SECONDS, baseTs: load.baseTs - 3_600_000 },
      4,
      100,
      RATE,
    );
  }
  const { sentAt } = await publishLoad(broker.url, load, 4, 100, RATE);
  await new Promise((r) => setTimeout(r, 3000)); // the last events on their way
  await listener.unlisten();
  await clients.stop();
  const received = JSON.parse(readFileSync(out, "utf8")) as number[];
  const sse: number[] = [];
  // The web process's share: from the NOTIFY (as the bench heard it) to the event on the stream.
  const fanOut: number[] = [];
  for (let i = 0; i < received.length; i += 3) {
    if (received[i + 1]! < load.baseTs) continue; // warm-up
    const index = indexOf(load, received[i]!, received[i + 1]!);
    sse.push(received[i + 2]! - sentAt[index]!);
    if (committedAt[index]! > 0) fanOut.push(received[i + 2]! - committedAt[index]!);
  }
  const commit = Array.from(committedAt, (at, i) => at - sentAt[i]!).filter((_, i) => committedAt[i]! > 0);
  if (process.env.BENCH_VERBOSE) printTimeline(sentAt, committedAt);
  return {
    sse: sse.sort((a, b) => a - b),
    commit: commit.sort((a, b) => a - b),
    fanOut: fanOut.sort((a, b) => a - b),
    messages: load.messages,
  };
}

/** BENCH_VERBOSE=1: publish → commit p50/p99 for each second of the run, to tell a slow start from spikes. */
function printTimeline(sentAt: Float64Array, committedAt: Float64Array) {
  const start = sentAt[0]!;
  const seconds: number[][] = [];
  committedAt.forEach((at, i) => {
    if (at > 0) (seconds[Math.floor((sentAt[i]! - start) / 1000)] ??= []).push(at - sentAt[i]!);
  });
  seconds.forEach((lat, s) => {
    lat.sort((a, b) => a - b);
    console.error(
      `  second ${s}: commit p50 ${Math.round(percentile(lat, 0.5))} ms, p99 ${Math.round(percentile(lat, 0.99))} ms`,
    );
  });
}

async function rssWithClients(webUrl: string, token: string, keys: string[]): Promise<number> {
  const clients = sseClients(webUrl, token, keys, MANY_CLIENTS, path.join(workDir, "many.json"));
  await clients.line("ready");
  const kb = await settledRssKb();
  await clients.stop();
  return kb;
}

/** The web server's resident memory (the `next start` process and any it started), after a moment to settle. */
async function settledRssKb(): Promise<number> {
  await new Promise((r) => setTimeout(r, 3000));
  const rss = (pid: number): number => {
    const own = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return own + kids.reduce((sum, kid) => sum + rss(kid), 0);
  };
  return rss(web!.pid!);
}

function report(latency: Awaited<ReturnType<typeof measureLatency>>, idleKb: number, manyKb: number) {
  const summary = {
    p50_ms: Math.round(percentile(latency.sse, 0.5)),
    p99_ms: Math.round(percentile(latency.sse, 0.99)),
    clients: CLIENTS,
    rss_kb_per_conn: round((manyKb - idleKb) / MANY_CLIENTS, 1),
    commit_p50_ms: Math.round(percentile(latency.commit, 0.5)),
    commit_p99_ms: Math.round(percentile(latency.commit, 0.99)),
    fan_out_p50_ms: Math.round(percentile(latency.fanOut, 0.5)),
    fan_out_p99_ms: Math.round(percentile(latency.fanOut, 0.99)),
    delivered: latency.sse.length,
    published: latency.messages,
  };
  printTable(
    [
      [
        "publish → SSE p50",
        `${summary.p50_ms} ms`,
        `${CLIENTS} streams, ${RATE} msg/s, after ${WARMUP_SECONDS} s warm-up`,
      ],
      [
        "publish → SSE p99",
        `${summary.p99_ms} ms`,
        `target ≤ ${TARGETS.p99Ms}: ${mark(summary.p99_ms <= TARGETS.p99Ms)}`,
      ],
      [
        "publish → commit p50 / p99",
        `${summary.commit_p50_ms} / ${summary.commit_p99_ms} ms`,
        "baseline: the NOTIFY the streams are fed from",
      ],
      [
        "NOTIFY → SSE p50 / p99",
        `${summary.fan_out_p50_ms} / ${summary.fan_out_p99_ms} ms`,
        "the web process's share (hub, pacing at 10 events/s per device, stream)",
      ],
      [
        "readings delivered",
        `${summary.delivered}`,
        `of ${summary.published} published (each to the one stream watching its device)`,
      ],
      [
        "web RSS per stream",
        `${summary.rss_kb_per_conn} KB`,
        `${Math.round(idleKb / 1024)} MB idle, ${Math.round(manyKb / 1024)} MB with ${MANY_CLIENTS} streams`,
      ],
    ],
    summary,
  );
}
