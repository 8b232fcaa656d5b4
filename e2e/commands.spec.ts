import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoDeviceToken } from "../lib/domain/devices/credentials";
import type { Db } from "../lib/server/db/connect";
import { ensureDemoFleet } from "../scripts/demo/seed";
import { createRng } from "../scripts/demo/fleet";
import { SimulatedDevice } from "../scripts/demo/simulated-device";
import { openDb, runtime, signIn } from "./support/stack";

// An operator opens the farm's soil sensor and opens its valve from the page: the simulated
// device (the demo firmware, connected with its own token) answers, and its valve reads open.
let db: Db;
let device: SimulatedDevice;

test.beforeAll(async () => {
  db = openDb();
  const secret = randomBytes(16).toString("hex");
  // The demo farm's first soil sensor, its token derived from `secret` (the e2e stack runs without the demo).
  const [farmSensor] = await ensureDemoFleet(db.sql, 1, secret);
  device = new SimulatedDevice(farmSensor!, createRng(7), {
    mqttUrl: runtime().mqttUrl,
    passwordFor: (key) => demoDeviceToken(secret, key),
    intervalMs: 1000,
    dropoutChance: 0,
    counters: { sent: 0 },
    onConnect: () => {},
    onError: () => {},
  });
  device.connect();
  await expect.poll(() => device.online, { timeout: 15_000 }).toBe(true);
});
test.afterAll(async () => {
  await device?.stop();
  await db?.close();
});

test("an operator opens a valve from the device page and sees the device's answer and its new state", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/devices/farm-soil-01");
  const form = page.getByRole("form", { name: "Send command" });
  await form.getByLabel("Command (JSON)").fill("{ not json");
  await form.getByRole("button", { name: "Send command" }).click();
  await expect(form.getByText(/not valid JSON|JSON/i).last()).toBeVisible();

  await form.getByLabel("Command (JSON)").fill('{"action": "open_valve"}');
  await form.getByRole("button", { name: "Send command" }).click();
  const row = page.getByTestId("command-row").first();
  await expect(row).toContainText("open_valve");
  await expect(row).toContainText("Acknowledged", { timeout: 15_000 });
  await expect(row).toContainText('"valve":"open"');
  await expect(page.getByTestId("metric-value-valve")).toHaveText(/^(1|Open|open)$/, { timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath("command-round-trip.png"), fullPage: true });
});
