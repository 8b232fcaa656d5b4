import { expect, test } from "@playwright/test";
import mqtt from "mqtt";
import { Webhook } from "standardwebhooks";
import type { Db } from "../lib/server/db/connect";
import { generateDeviceToken } from "../lib/domain/devices/credentials";
import { uniqueId } from "../test/support/fixtures";
import { createTestWebhook, startReceiver } from "../test/support/webhook-receiver";
import { createWorld, type World } from "./support/personas";
import { openDb, runtime, signIn } from "./support/stack";

// A farmer writes "soil moisture below 20 % for 10 minutes" from a phone, starting on the
// device's page; the alert it raises is acknowledged with a comment; a viewer only looks.
let db: Db;
let world: World;
let probe: { id: string; key: string; name: string };

test.beforeAll(async () => {
  db = openDb();
  world = await createWorld(db);
  const id = uniqueId();
  const [type] = await db.sql<{ id: string }[]>`
    insert into device_types (slug, name, metrics) values (${`moist-${id}`}, 'Moisture probe', ${db.sql.json([{ name: "soil.moisture", label: "Soil moisture", unit: "%", min: 0, max: 100 }])}) returning id`;
  const key = `moist-${id}`;
  const name = `Bed ${id}`;
  const [device] = await db.sql<
    { id: string }[]
  >`insert into devices (key, name, site_id, type_id) values (${key}, ${name}, ${world.farm.id}, ${type!.id}) returning id`;
  probe = { id: device!.id, key, name };
});
test.afterAll(async () => {
  await db.close();
});

test("an operator writes a rule as a sentence on a phone and acknowledges its alert", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, world.people.operator.email, world.people.operator.password);
  await page.goto(`/devices/${probe.key}`);
  await page.getByRole("link", { name: "+ Alert rule" }).click();
  await expect(page).toHaveURL(/\/alerts\/rules\?new=1&device=/);

  const editor = page.getByRole("dialog");
  await expect(editor.getByText("New alert rule")).toBeVisible();
  await editor.getByLabel("Metric").selectOption("soil.moisture");
  await editor.getByLabel("Threshold", { exact: true }).fill("20");
  await editor.getByLabel("Clear when").selectOption("line");
  await editor.getByLabel("Clear threshold").fill("25");
  await editor.getByLabel("Clear after").selectOption("300");
  await expect(editor.getByTestId("rule-summary")).toHaveText(
    `When Soil moisture on ${probe.name} is below 20 % for 10 minutes, raise warning; clear when above 25 % for 5 minutes.`,
  );
  await editor.getByRole("button", { name: "Preview the last 7 days" }).click();
  await expect(editor.getByTestId("rule-preview")).toContainText("Would not have fired in the last 7 days");
  await editor.getByRole("button", { name: "Create rule" }).click();
  await expect(editor).toHaveCount(0);

  const [rule] = await db.sql<
    {
      id: string;
      comparison: string;
      threshold: number;
      for_s: number;
      clear_threshold: number;
      clear_for_s: number;
      name: string;
    }[]
  >`
    select id, comparison, threshold, for_s, clear_threshold, clear_for_s, name from alert_rules where device_id = ${probe.id}`;
  expect(rule).toMatchObject({
    comparison: "below",
    threshold: 20,
    for_s: 600,
    clear_threshold: 25,
    clear_for_s: 300,
    name: "Soil moisture below 20 %",
  });
  await expect(page.getByTestId("alert-rule").filter({ hasText: "Soil moisture below 20 %" })).toContainText(
    "is below 20 % for 10 minutes",
  );

  // The rule fired (as the evaluator would record it): the Alerts page shows it, the operator acknowledges it.
  await db.sql`insert into alerts (rule_id, device_id, severity, started_at, value) values (${rule!.id}, ${probe.id}, 'warning', now() - interval '3 minutes', 12.5)`;
  await page.goto(`/alerts?device=${probe.key}`);
  const row = page.getByTestId("alert-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Soil moisture below 20 %");
  await expect(row).toContainText("12.5");
  await row.getByRole("button", { name: "Acknowledge" }).click();
  await page.getByRole("dialog").getByLabel("Comment (optional)").fill("Valve opened");
  await page.getByRole("dialog").getByRole("button", { name: "Acknowledge" }).click();
  await expect(row).toContainText("“Valve opened”");
  await expect(row.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  await page.getByLabel("Severity").selectOption("critical");
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page.getByText("No alerts match these filters")).toBeVisible();
});

test("a viewer sees the alerts and rules but can't acknowledge or edit", async ({ page }) => {
  const [rule] = await db.sql<{ id: string }[]>`
    insert into alert_rules (site_id, device_id, name, metric, comparison, threshold) values (${world.farm.id}, ${probe.id}, 'Soaked', 'soil.moisture', 'above', 80) returning id`;
  await db.sql`insert into alerts (rule_id, device_id, severity, started_at, value) values (${rule!.id}, ${probe.id}, 'critical', now(), 91)`;
  await signIn(page, world.people.viewer.email, world.people.viewer.password);
  await page.goto(`/alerts?device=${probe.key}`);
  await expect(page.getByTestId("alert-row").filter({ hasText: "Soaked" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await page.goto("/alerts/rules");
  await expect(page.getByTestId("alert-rule").filter({ hasText: "Soaked" })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ New rule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
});

test("a farmer's rule fires live on a dry reading, notifies the irrigation webhook, and is acknowledged from the phone", async ({
  page,
}) => {
  const receiver = await startReceiver();
  const hook = await createTestWebhook(db.sql, receiver.url, world.farm.id);
  await db.sql`update webhooks set name = 'Irrigation webhook' where id = ${hook.id}`;
  const key = `bed-${uniqueId()}`;
  const [type] = await db.sql<{ type_id: string }[]>`select type_id from devices where id = ${probe.id}`;
  const [device] = await db.sql<
    { id: string }[]
  >`insert into devices (key, name, site_id, type_id) values (${key}, 'North bed', ${world.farm.id}, ${type!.type_id}) returning id`;
  const { token, hash } = generateDeviceToken();
  await db.sql`insert into device_tokens (device_id, token_hash) values (${device!.id}, ${hash})`;
  const sensor = await mqtt.connectAsync(runtime().mqttUrl, {
    clientId: key,
    username: key,
    password: token,
    reconnectPeriod: 0,
  });
  try {
    // The farm's admin (the farmer) writes the rule on a phone, from the device's page.
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, world.people.siteAdmin.email, world.people.siteAdmin.password);
    await sensor.publishAsync(`devices/${key}/telemetry`, JSON.stringify({ soil: { moisture: 34 } }), {
      qos: 1,
    });
    await page.goto(`/devices/${key}`);
    await page.getByRole("link", { name: "+ Alert rule" }).click();
    const editor = page.getByRole("dialog");
    await editor.getByLabel("Metric").selectOption("soil.moisture");
    await editor.getByLabel("Threshold", { exact: true }).fill("20");
    await editor.getByLabel("For how long").selectOption("0");
    await editor.getByLabel("Severity").selectOption("critical");
    await editor.getByLabel("Irrigation webhook").check();
    await editor.getByRole("button", { name: "Create rule" }).click();
    await expect(editor).toHaveCount(0);

    // The soil dries out: the alert shows on the device page live, without a reload.
    await page.goto(`/devices/${key}`);
    await expect(page.getByText("No active alerts")).toBeVisible();
    // The sensor reports every second; the worker picks up a new rule within 5 s (its rule refresh).
    const active = page.getByRole("region", { name: "Active alerts" });
    await expect
      .poll(
        async () => {
          await sensor.publishAsync(
            `devices/${key}/telemetry`,
            JSON.stringify({ soil: { moisture: 14.5 } }),
            { qos: 1 },
          );
          return active.textContent();
        },
        { timeout: 20_000, intervals: [1000] },
      )
      .toContain("Soil moisture below 20 %");
    // …and its chart shades the episode.
    await expect(
      page.getByRole("region", { name: "Charts" }).locator(".recharts-reference-area").first(),
    ).toBeVisible({ timeout: 15_000 });

    // The irrigation webhook got it, signed.
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const body = new Webhook(hook.secret).verify(
      receiver.received[0]!.body,
      receiver.received[0]!.headers as Record<string, string>,
    ) as { type: string; data: { device: { key: string } } };
    expect(body).toMatchObject({ type: "alert.firing", data: { device: { key } } });

    // The farmer acknowledges it from the Alerts page.
    await page.goto(`/alerts?device=${key}`);
    const row = page.getByTestId("alert-row");
    await expect(row).toContainText("14.5");
    await row.getByRole("button", { name: "Acknowledge" }).click();
    await page.getByRole("dialog").getByLabel("Comment (optional)").fill("Watering now");
    await page.getByRole("dialog").getByRole("button", { name: "Acknowledge" }).click();
    await expect(row).toContainText("“Watering now”");
    await page.screenshot({ path: test.info().outputPath("alert-acknowledged-375.png"), fullPage: true });
  } finally {
    await sensor.endAsync();
    await receiver.close();
  }
});
