import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import mqtt, { type MqttClient } from "mqtt";
import { connectDb, type Db } from "../../lib/server/db/connect";
import { SERVICE_PASSWORD_FILE, SERVICE_USERNAME } from "../../scripts/supervisor/mqtt-credentials";

/** Addresses of the stack `npm start` brought up for this run (it writes them to runtime.json). */
export function runtime(): { databaseUrl: string; mqttUrl: string; webUrl: string } {
  return JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR ?? "", "runtime.json"), "utf8"));
}

export const openDb = (): Db => connectDb(runtime().databaseUrl, { max: 2 });

/** Publishes as the service: `npm start`'s broker lets nobody else write to any device's topics. */
export const connectPublisher = (): Promise<MqttClient> =>
  mqtt.connectAsync(runtime().mqttUrl, {
    clientId: `e2e-${Date.now()}`,
    username: SERVICE_USERNAME,
    password: readFileSync(path.join(process.env.E2E_DATA_DIR ?? "", SERVICE_PASSWORD_FILE), "utf8").trim(),
  });

export async function signIn(
  page: Page,
  email = process.env.E2E_ADMIN_EMAIL ?? "",
  password = process.env.E2E_ADMIN_PASSWORD ?? "",
) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
