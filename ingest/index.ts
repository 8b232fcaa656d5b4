import path from "node:path";
import { ConfigError, loadEnv, requireSetting } from "../lib/server/env";
import { loadDotEnv } from "../lib/server/dotenv";
import { isPostgresJsClosedSocketBug } from "../lib/server/db/postgres-js-bug";
import { createLogger } from "../lib/server/log";
import { startIngestWorker } from "./worker";

/** `npm run start:ingest`: the ingest worker as its own process (docs/architecture.md, "Processes"). */
async function main() {
  loadDotEnv();
  const env = loadEnv();
  const log = createLogger("ingest", env.LOG_LEVEL);
  const databaseUrl = requireSetting(env, "DATABASE_URL", "the ingest worker writes to PostgreSQL");
  const mqttUrl = requireSetting(env, "MQTT_URL", "the ingest worker subscribes to an MQTT broker");
  const worker = await startIngestWorker(
    {
      databaseUrl,
      mqtt: {
        url: mqttUrl,
        clientId: env.INGEST_CLIENT_ID,
        username: env.MQTT_USERNAME,
        password: env.MQTT_PASSWORD,
        protocolVersion: env.MQTT_PROTOCOL_VERSION,
        sharedGroup: env.MQTT_SHARED_GROUP,
      },
      writer: {
        batchSize: env.INGEST_BATCH_SIZE,
        flushMs: env.INGEST_FLUSH_MS,
        maxPending: env.INGEST_BATCH_SIZE * 3,
        parallelCommits: env.INGEST_PARALLEL_COMMITS,
      },
      deviceCacheTtlMs: env.DEVICE_CACHE_TTL_MS,
      connectivitySweepMs: 10_000,
      alerting: { refreshMs: 5_000, sweepMs: 10_000 },
      webhooks: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE },
      journal: {
        dir: env.INGEST_JOURNAL_DIR ?? path.join(env.DATA_DIR, "journal", env.INGEST_CLIENT_ID),
        maxBytes: env.INGEST_JOURNAL_MAX_BYTES,
        fsyncMs: env.INGEST_JOURNAL_FSYNC_MS,
      },
      httpPort: env.INGEST_HTTP_PORT,
      httpHost: env.INGEST_HTTP_HOST,
    },
    log,
  );
  log.info({ httpHost: env.INGEST_HTTP_HOST, httpPort: env.INGEST_HTTP_PORT }, "ingest worker started");
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: committing what was received");
    // Past 10 s something is stuck; leave rather than hang a deploy.
    setTimeout(() => process.exit(1), 10_000).unref();
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("uncaughtException", (err) => {
    if (isPostgresJsClosedSocketBug(err))
      return log.warn({ err: err.message }, "PostgreSQL connection closed mid-write; retrying");
    // Anything else is a bug: leave, and let the supervisor restart us (the journal keeps what was acknowledged).
    log.fatal({ err: err.stack ?? String(err) }, "uncaught exception");
    process.exit(1);
  });
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
