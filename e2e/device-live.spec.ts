import { expect, test } from "@playwright/test";
import type { MqttClient } from "mqtt";
import type { Db } from "../lib/server/db/connect";
import { createTestDevice, type TestDevice } from "../test/support/fixtures";
import { connectPublisher, openDb, signIn } from "./support/stack";

// A facility manager signs in, opens a device and sees a reading arrive live, without reload.
let db: Db;
let publisher: MqttClient;
let device: TestDevice;

test.beforeAll(async () => {
  db = openDb();
  publisher = await connectPublisher();
  device = await createTestDevice(db.sql, [
    { name: "temperature", label: "Temperature", unit: "°C", min: -40, max: 125, precision: 1, key: true },
  ]);
});

test.afterAll(async () => {
  await publisher?.endAsync();
  await db?.close();
});

async function publishAndWaitStored(metric: string, value: number) {
  await publisher.publishAsync(`devices/${device.key}/telemetry`, JSON.stringify({ [metric]: value }), {
    qos: 1,
  });
  await expect
    .poll(
      async () =>
        (
          await db.sql`select latest_value from series where device_id = ${device.id} and metric = ${metric}`
        )[0]?.latest_value,
    )
    .toBe(value);
}

test("API calls without a session get 401 JSON, not a login page", async ({ request }) => {
  const res = await request.get("/api/devices");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
});

test("pages without a session send you to sign in; a wrong password says so", async ({ page }) => {
  await page.goto("/devices");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(process.env.E2E_ADMIN_EMAIL ?? "");
  await page.getByLabel("Password").fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/wrong email or password/i)).toBeVisible();
});

test("sign in, find the device, watch a published reading appear live", async ({ page }) => {
  await publishAndWaitStored("temperature", 21.5);
  await signIn(page);

  await page.goto("/devices");
  const row = page.getByRole("link", { name: new RegExp(`Device ${device.key.slice(4)}`) });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/devices/${device.key}$`));

  const value = page.getByTestId("metric-value-temperature");
  await expect(value).toHaveText("21.5");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  const sentAt = Date.now();
  await publisher.publishAsync(`devices/${device.key}/telemetry`, JSON.stringify({ temperature: 42.7 }), {
    qos: 1,
  });
  await expect(value).toHaveText("42.7");
  const latencyMs = Date.now() - sentAt;
  test.info().annotations.push({ type: "publish-to-screen ms", description: String(latencyMs) });
  console.log(`publish → value on screen: ${latencyMs} ms`);
  await page.screenshot({ path: test.info().outputPath("device-page.png"), fullPage: true });
});
