import { chmodSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { pickFreePortSync } from "./e2e/support/ports";

// Chosen once in the runner; workers inherit the variables, so every process agrees.
process.env.E2E_PORT ??= String(pickFreePortSync());
process.env.E2E_MQTT_PORT ??= String(pickFreePortSync());
process.env.E2E_INGEST_PORT ??= String(pickFreePortSync());
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = mkdtempSync(path.join(tmpdir(), "fieldwatch-e2e-"));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this directory.
  chmodSync(process.env.E2E_DATA_DIR, 0o755);
}
process.env.E2E_ADMIN_EMAIL ??= "admin@e2e.test";
// npm start holds ADMIN_PASSWORD to the app's password rules (not built from the email, not common).
process.env.E2E_ADMIN_PASSWORD ??= "e2e-lantern-harbour-17";

const baseURL = `http://localhost:${process.env.E2E_PORT}`;
const systemChromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The real thing: `npm start` on embedded PostgreSQL and broker, in a scratch data dir.
  webServer: {
    command: "node --import tsx scripts/start.ts --no-demo",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: process.env.E2E_PORT,
      MQTT_PORT: process.env.E2E_MQTT_PORT,
      INGEST_HTTP_PORT: process.env.E2E_INGEST_PORT,
      // The alert journey's webhook receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: "true",
      DATA_DIR: process.env.E2E_DATA_DIR,
      ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
      ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      DATABASE_URL: "",
      MQTT_URL: "",
      LOG_LEVEL: "warn",
    },
  },
});
