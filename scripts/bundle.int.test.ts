import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, it, inject } from "vitest";
import { INGEST_NODE_ARGS } from "../ingest/node-args";
import { connectDb, type Db } from "../lib/server/db/connect";
import { createTestDevice, uniqueId, waitFor, waitUntilIngesting } from "../test/support/fixtures";
import { bundleProcesses } from "./bundle";
import { freePort } from "./embedded/ports";

// `npm run start:ingest` runs the worker bundled by `npm run build`, with plain node: that
// bundle, built here, must start and write readings with no TypeScript loader.
// Inside node_modules/.cache so that the bundle finds its packages as dist/ would.
const outdir = path.resolve("node_modules/.cache", `fieldwatch-bundle-${uniqueId()}`);
let db: Db;
let publisher: MqttClient;
let worker: ChildProcess | undefined;
beforeAll(async () => {
  db = connectDb(inject("databaseUrl"), { max: 2 });
  publisher = await mqtt.connectAsync(inject("mqttUrl"), {
    clientId: `it-bundle-pub-${uniqueId()}`,
    protocolVersion: inject("mqttProtocolVersion"),
  });
});
afterAll(async () => {
  worker?.kill("SIGKILL");
  await publisher.endAsync();
  await db.close();
  rmSync(outdir, { recursive: true, force: true });
});

describe("the bundled worker", () => {
  it("starts with plain node and writes what devices publish", async () => {
    await bundleProcesses(outdir);
    const protocolVersion = inject("mqttProtocolVersion");
    const httpPort = await freePort();
    worker = spawn(process.execPath, [...INGEST_NODE_ARGS, path.join(outdir, "ingest.mjs")], {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: inject("databaseUrl"),
        MQTT_URL: inject("mqttUrl"),
        MQTT_PROTOCOL_VERSION: String(protocolVersion),
        MQTT_SHARED_GROUP: protocolVersion === 5 ? `itb${uniqueId()}` : "",
        INGEST_CLIENT_ID: `it-bundle-${uniqueId()}`,
        INGEST_JOURNAL_DIR: mkdtempSync(path.join(tmpdir(), "fieldwatch-journal-")),
        INGEST_HTTP_PORT: String(httpPort),
        LOG_LEVEL: "warn",
        NODE_OPTIONS: "", // no loader inherited from the test runner
      },
    });
    await waitFor(
      () =>
        fetch(`http://127.0.0.1:${httpPort}/healthz`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      30_000,
      "the bundled worker's /healthz",
    );
    const device = await createTestDevice(db.sql);
    await waitUntilIngesting(
      db.sql,
      (topic, payload) => publisher.publishAsync(topic, payload, { qos: 1 }),
      device,
    );
  });
});
