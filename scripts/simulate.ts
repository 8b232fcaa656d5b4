import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { connectDb } from "../lib/server/db/connect";
import { demoDevices, type DemoDevice } from "./demo/fleet";
import { BACKFILL_DAYS, backfillDemoHistory } from "./demo/backfill";
import { ensureDemoFleet } from "./demo/seed";
import { runSimulator } from "./demo/simulator";
import { loadDotEnv } from "../lib/server/dotenv";
import { createLogger } from "../lib/server/log";

const USAGE = `Usage: npm run simulate -- [options]

Publishes telemetry from a demo fleet (a farm, an office, a factory) to the MQTT broker.

  --devices N    number of devices (default 12)
  --rate R       messages per second per device, fractions allowed (default 1)
  --duration S   stop after S seconds (default: run until Ctrl-C)
  --no-seed      don't create the demo sites, types and devices in the database
  --help         show this text

DATABASE_URL and MQTT_URL come from the environment (or .env); when unset, from the
runtime.json that \`npm start\` writes into DATA_DIR (default .data). Devices log in with
tokens derived from NEXTAUTH_SECRET (else DATA_DIR/auth-secret, which \`npm start\` writes).`;

interface CliOptions {
  devices: number;
  rate: number;
  durationS?: number;
  seed: boolean;
}

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(1);
}

function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        devices: { type: "string", default: "12" },
        rate: { type: "string", default: "1" },
        duration: { type: "string" },
        "no-seed": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const devices = Number(parsed.devices);
  const rate = Number(parsed.rate);
  const durationS = parsed.duration === undefined ? undefined : Number(parsed.duration);
  if (!Number.isInteger(devices) || devices < 1 || devices > 10_000)
    fail(`--devices must be a whole number from 1 to 10000 (got ${parsed.devices})`);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 100)
    fail(`--rate must be a number above 0 and at most 100 (got ${parsed.rate})`);
  if (durationS !== undefined && !(durationS > 0))
    fail(`--duration must be a number of seconds above 0 (got ${parsed.duration})`);
  return { devices, rate, durationS, seed: !parsed["no-seed"] };
}

interface ServiceUrls {
  databaseUrl?: string;
  mqttUrl?: string;
  /** Set when a URL came from runtime.json, to hint that `npm start` may have stopped since. */
  runtimeFile?: string;
}

/** Env first; else what a running `npm start` wrote down, so the simulator finds its services. */
function resolveUrls(): ServiceUrls {
  loadDotEnv();
  const fromEnv = {
    databaseUrl: process.env.DATABASE_URL || undefined,
    mqttUrl: process.env.MQTT_URL || undefined,
  };
  const runtimeFile = join(process.env.DATA_DIR || ".data", "runtime.json");
  if ((fromEnv.databaseUrl && fromEnv.mqttUrl) || !existsSync(runtimeFile)) return fromEnv;
  let runtime: { databaseUrl?: unknown; mqttUrl?: unknown };
  try {
    runtime = JSON.parse(readFileSync(runtimeFile, "utf8"));
  } catch (err) {
    fail(`could not read ${runtimeFile}: ${(err as Error).message}`);
  }
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  return {
    databaseUrl: fromEnv.databaseUrl ?? text(runtime.databaseUrl),
    mqttUrl: fromEnv.mqttUrl ?? text(runtime.mqttUrl),
    runtimeFile,
  };
}

/** The installation's secret the demo tokens derive from: the one `npm start` hands its children, or the one it keeps. */
function tokenSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(process.env.DATA_DIR || ".data", "auth-secret");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

async function seedFleet(
  databaseUrl: string,
  count: number,
  secret: string,
  hint: string,
): Promise<DemoDevice[]> {
  const { sql } = connectDb(databaseUrl, { max: 1, applicationName: "fieldwatch-simulate" });
  try {
    const devices = await ensureDemoFleet(sql, count, secret);
    const backfilled = await backfillDemoHistory(sql, devices, Date.now());
    if (backfilled > 0)
      createLogger("simulate").info(
        { readings: backfilled },
        `a new demo fleet: wrote ${BACKFILL_DAYS} days of history`,
      );
    return devices;
  } catch (err) {
    fail(`could not create the demo fleet in the database: ${(err as Error).message}${hint}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  const { databaseUrl, mqttUrl, runtimeFile } = resolveUrls();
  const missing = [!mqttUrl && "MQTT_URL", options.seed && !databaseUrl && "DATABASE_URL"]
    .filter(Boolean)
    .join(" and ");
  if (missing) {
    fail(
      `${missing} ${missing.includes(" and ") ? "are" : "is"} not set. Run \`npm start\` first (the simulator then finds its database and broker), or set ${missing}.`,
    );
  }
  const hint = runtimeFile ? ` (settings from ${runtimeFile}: is \`npm start\` still running?)` : "";
  const secret = tokenSecret();
  if (options.seed && !secret)
    fail(
      "no secret to derive the demo devices' tokens from: set NEXTAUTH_SECRET, or run `npm start` first (it keeps one in DATA_DIR/auth-secret).",
    );
  const log = createLogger("simulate");
  const devices = options.seed
    ? await seedFleet(databaseUrl!, options.devices, secret!, hint)
    : demoDevices(options.devices);
  if (options.seed) log.info({ devices: devices.length }, "demo fleet is in the database");

  const simulator = await runSimulator({
    mqttUrl: mqttUrl!,
    devices,
    tokenSecret: secret,
    rate: options.rate,
    log,
  }).catch((err: Error) => fail(err.message + hint));
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) process.exit(1); // A second Ctrl-C: the user doesn't want to wait.
    stopping = true;
    log.info({ reason }, "stopping: devices say offline");
    await simulator.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  if (options.durationS !== undefined)
    setTimeout(() => void shutdown(`ran for ${options.durationS} s`), options.durationS * 1000);
}

await main();
