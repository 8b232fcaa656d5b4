import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureFirstAdmin } from "../lib/server/auth/bootstrap";
import { connectDb } from "../lib/server/db/connect";
import { applyMigrations } from "../lib/server/db/migrate";
import { loadDotEnv } from "../lib/server/dotenv";
import { PortInUseError, assertPortFree } from "./embedded/ports";
import { ConfigError, loadEnv, type Env } from "../lib/server/env";
import { SupervisedChild } from "./supervisor/child";
import { announceFirstAdmin } from "./supervisor/first-admin";
import { formatLogLine } from "./supervisor/format";
import { serviceMqttCredentials } from "./supervisor/mqtt-credentials";
import { sessionSecret } from "./supervisor/secret";
import { startServices, type Services } from "./supervisor/services";
import { ensureWebBuild } from "./supervisor/web-build";
import { INGEST_NODE_ARGS } from "../ingest/node-args";

/**
 * `npm start`: everything on one machine with nothing but Node — embedded PostgreSQL and MQTT
 * broker unless DATABASE_URL / MQTT_URL are set, migrations, first admin, a web build when there
 * is none or the sources changed since, ingest worker, web server and (demo mode) the simulator.
 * Ctrl-C stops it all, PostgreSQL last.
 */
const say = (msg: string) => console.log(formatLogLine("fieldwatch", msg));
const node = process.execPath;
const tsx = ["--import", "tsx"];

async function main() {
  loadDotEnv();
  const env = loadEnv();
  const args = new Set(process.argv.slice(2));
  mkdirSync(env.DATA_DIR, { recursive: true });
  await assertPortFree(env.PORT, "web server", "Set PORT to another port (e.g. PORT=3001 npm start).");
  await assertPortFree(env.INGEST_HTTP_PORT, "ingest metrics", "Set INGEST_HTTP_PORT to another port.");
  if (!env.MQTT_URL) {
    const hint = `Set MQTT_PORT to another port (e.g. MQTT_PORT=1884 npm start), or MQTT_URL=mqtt://127.0.0.1:${env.MQTT_PORT} to use the broker that is already running there.`;
    await assertPortFree(env.MQTT_PORT, "embedded MQTT broker", hint);
  }

  // The one login the embedded broker lets read and write every device's topics; the children get it.
  const service = serviceMqttCredentials(env.DATA_DIR, env.MQTT_USERNAME, env.MQTT_PASSWORD);
  const services = await startServices(env, service, say);
  const children: SupervisedChild[] = [];
  const runtimeFile = path.join(env.DATA_DIR, "runtime.json");
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    await Promise.all(children.map((c) => c.stop()));
    await services.stop();
    rmSync(runtimeFile, { force: true });
    say("stopped");
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  try {
    await prepareDatabase(services, env);
    // Rebuilds when the sources changed since the build (e.g. after `git pull`), not only the first time.
    await ensureWebBuild(process.cwd(), say);
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : err}\n`);
    return shutdown(1);
  }

  const webUrl = `http://localhost:${env.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: services.databaseUrl,
    MQTT_URL: services.mqttUrl,
    NEXTAUTH_SECRET: sessionSecret(env.DATA_DIR, env.NEXTAUTH_SECRET),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? webUrl,
    // aedes speaks MQTT 3.1.1 and has no shared subscriptions.
    ...(services.embeddedBroker
      ? {
          MQTT_PROTOCOL_VERSION: "4",
          MQTT_SHARED_GROUP: "",
          MQTT_USERNAME: service.username,
          MQTT_PASSWORD: service.password,
        }
      : {}),
  };
  const giveUp = (reason: string) => {
    say(`giving up: ${reason}`);
    void shutdown(1);
  };
  children.push(
    new SupervisedChild(
      {
        name: "ingest",
        command: node,
        args: [...INGEST_NODE_ARGS, ...tsx, "ingest/index.ts"],
        env: childEnv,
      },
      giveUp,
    ),
  );
  children.push(
    new SupervisedChild(
      { name: "web", command: node, args: [...tsx, "scripts/web-server.ts"], env: childEnv },
      giveUp,
    ),
  );
  const demo = args.has("--no-demo") ? false : args.has("--demo") || (env.DEMO ?? services.embeddedDb);
  if (demo) {
    const simArgs = [...tsx, "scripts/simulate.ts", "--devices", "12", "--rate", "0.5"];
    children.push(
      new SupervisedChild({ name: "simulator", command: node, args: simArgs, env: childEnv }, giveUp),
    );
  }
  children.forEach((c) => c.start());
  writeFileSync(
    runtimeFile,
    JSON.stringify(
      { databaseUrl: services.databaseUrl, mqttUrl: services.mqttUrl, webUrl, pid: process.pid },
      null,
      2,
    ),
  );
  await waitForWeb(webUrl);
  say(`Fieldwatch is running at ${webUrl}${demo ? " (demo devices are publishing)" : ""}. Ctrl-C stops it.`);
}

async function prepareDatabase(services: Services, env: Env) {
  say("applying database migrations");
  await applyMigrations(services.databaseUrl);
  const db = connectDb(services.databaseUrl, { max: 1 });
  try {
    const admin = await ensureFirstAdmin(db.orm, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    announceFirstAdmin(admin, {
      say,
      terminal: process.stdout.isTTY ? process.stdout : null,
      dataDir: env.DATA_DIR,
      passwordSet: env.ADMIN_PASSWORD !== undefined,
    });
  } finally {
    await db.close();
  }
}

async function waitForWeb(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof PortInUseError) console.error(`\n${err.message}\n`);
  else console.error(err);
  process.exit(1);
});
