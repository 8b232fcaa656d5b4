import { expect, test } from "@playwright/test";
import mqtt from "mqtt";
import type { Db } from "../lib/server/db/connect";
import { uniqueId } from "../test/support/fixtures";
import { openDb, runtime, signIn } from "./support/stack";

// An admin onboards a device: adds it, copies its credentials, the device connects with them,
// and it turns online with its first values on screen. Then edits, disables and deletes it.
let db: Db;
let site: { slug: string; name: string };
let typeName: string;

test.beforeAll(async () => {
  db = openDb();
  const id = uniqueId();
  site = { slug: `orchard-${id}`, name: `Orchard ${id}` };
  await db.sql`insert into sites (slug, name) values (${site.slug}, ${site.name})`;
  typeName = `Soil probe ${id}`;
  await db.sql`insert into device_types (slug, name, metrics) values (${`probe-${id}`}, ${typeName},
    ${db.sql.json([{ name: "moisture", label: "Soil moisture", unit: "%", min: 0, max: 100, precision: 1, key: true }])})`;
});
test.afterAll(() => db.close());

test("an admin adds a device, it connects with the credentials shown and goes online with its first value", async ({
  page,
}) => {
  const key = `probe-${uniqueId()}`;
  await signIn(page);
  await page.goto("/devices");
  await page.getByRole("button", { name: "Add device" }).click();
  const form = page.getByRole("form", { name: "Add device" });
  await form.getByLabel("Key").fill("Not A Key");
  await form.getByLabel("Name").fill("Orchard soil probe");
  await form.getByLabel("Site").selectOption(site.slug);
  await form.getByRole("button", { name: "Add device" }).click();
  await expect(form.getByText(/^Use lower-case letters, digits/)).toBeVisible();

  await form.getByLabel("Key").fill(key);
  await form.getByLabel("Type").selectOption({ label: typeName });
  await form.getByRole("button", { name: "Add device" }).click();
  const credentials = page.getByTestId("device-credentials");
  await expect(credentials).toBeVisible();
  await expect(page.getByTestId("credential-username")).toHaveValue(key);
  const password = await page.getByTestId("credential-password").inputValue();
  expect(password).toMatch(/^fwd_/);
  await expect(page.getByTestId("snippet-mosquitto")).toContainText(`-u '${key}' -P '${password}'`);
  await page.screenshot({ path: test.info().outputPath("credentials.png"), fullPage: true });

  const device = await mqtt.connectAsync(runtime().mqttUrl, {
    clientId: key,
    username: key,
    password,
    reconnectPeriod: 0,
  });
  try {
    await device.publishAsync(`devices/${key}/status`, "online", { qos: 1, retain: true });
    await device.publishAsync(`devices/${key}/telemetry`, JSON.stringify({ moisture: 31.5 }), { qos: 1 });
    await page.getByRole("link", { name: "Open the device" }).click();
    await expect(page).toHaveURL(new RegExp(`/devices/${key}$`));
    await expect(page.getByTestId("device-status")).toHaveText("Online");
    await expect(page.getByTestId("metric-value-moisture")).toHaveText("31.5");
  } finally {
    await device.endAsync();
  }
});

test("an admin edits, disables and deletes a device, keeping its data", async ({ page, baseURL }) => {
  const key = `probe-${uniqueId()}`;
  await signIn(page);
  // The session cookie counts for changes only from the app's own origin.
  const created = await page.request.post("/api/devices", {
    data: { key, name: "Old name", site: site.slug },
    headers: { origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/devices/${key}`);

  await page.getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: "Edit device" });
  await form.getByLabel("Name").fill("North row probe");
  await form.getByLabel("Latitude").fill("91");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText(/latitude is between -90 and 90/i)).toBeVisible();
  await form.getByLabel("Latitude").fill("47.5");
  await form.getByLabel("Longitude").fill("8.25");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "North row probe" })).toBeVisible();
  await expect(page.getByText("47.5, 8.25")).toBeVisible();

  await page.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText("Disabled", { exact: true })).toBeHidden();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete device" }).click();
  await expect(page.getByText(/This device was deleted/)).toBeVisible();
  const [row] = await db.sql<
    { disabled: boolean; archived: boolean }[]
  >`select disabled, archived_at is not null as archived from devices where key = ${key}`;
  expect(row).toEqual({ disabled: true, archived: true });
});
