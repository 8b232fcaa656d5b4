import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedBroker } from "../../scripts/embedded/broker";
import { freePort } from "../../scripts/embedded/ports";
import { startEmbeddedPostgres } from "../../scripts/embedded/postgres";
import { applyMigrations } from "../../lib/server/db/migrate";

export interface TestServices {
  databaseUrl: string;
  mqttUrl: string;
  /** aedes speaks MQTT 3.1.1; real brokers get MQTT 5 with shared subscriptions. */
  mqttProtocolVersion: 4 | 5;
  stop(): Promise<void>;
}

/**
 * A fresh, migrated database and a broker for a test run: on TEST_DATABASE_URL / TEST_MQTT_URL
 * when set (a new database is created there and dropped after), else embedded ones.
 */
export async function startTestServices(): Promise<TestServices> {
  const database = await startScratchDatabase(process.env.TEST_DATABASE_URL);
  const stops: (() => Promise<void>)[] = [database.stop];
  let mqttUrl = process.env.TEST_MQTT_URL;
  if (!mqttUrl) {
    const broker = await startEmbeddedBroker(await freePort());
    stops.push(broker.stop);
    mqttUrl = broker.url;
  }
  return {
    databaseUrl: database.url,
    mqttUrl,
    mqttProtocolVersion: process.env.TEST_MQTT_URL ? 5 : 4,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/**
 * A fresh, migrated database, dropped (or deleted) by `stop`: a new one on the server at
 * `serverUrl` when given, else an embedded PostgreSQL in a temporary directory.
 */
export async function startScratchDatabase(
  serverUrl?: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const stops: (() => Promise<void>)[] = [];
  let url: string;
  if (serverUrl) {
    url = await createScratchDatabase(serverUrl, stops);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "fieldwatch-test-pg-"));
    const pg = await startEmbeddedPostgres({ dataDir: dir });
    stops.push(async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    url = pg.url;
  }
  await applyMigrations(url);
  return { url, stop: async () => stops[0]?.() };
}

async function createScratchDatabase(serverUrl: string, stops: (() => Promise<void>)[]): Promise<string> {
  const name = `fieldwatch_test_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  stops.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
