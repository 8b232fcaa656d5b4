import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { Db } from "../lib/server/db/connect";
import type { DeviceReading } from "../lib/domain/telemetry/types";
import { writeBatch } from "../lib/server/telemetry/write-batch";
import { createTestDevice, type TestDevice } from "../test/support/fixtures";
import { openDb, signIn } from "./support/stack";

// A facility manager looks back: switches the chart to 24 h, zooms into a stretch by dragging,
// goes back to live, and downloads a range as CSV (raw and as charted).
const MINUTE = 60_000;
let db: Db;
let device: TestDevice;
const end = Math.floor(Date.now() / MINUTE) * MINUTE;
const valueAt = (ts: number) => 20 + Math.sin(ts / 3_600_000);
const start = end - 2 * 24 * 60 * MINUTE;

test.beforeAll(async () => {
  db = openDb();
  device = await createTestDevice(db.sql, [
    { name: "temperature", label: "Temperature", unit: "°C", min: -40, max: 125, precision: 1, key: true },
  ]);
  // Two days, one reading a minute, through the ingest's own write path (rollups included).
  const readings: DeviceReading[] = [];
  for (let ts = start; ts < end; ts += MINUTE)
    readings.push({
      deviceId: device.id,
      deviceKey: device.key,
      metric: "temperature",
      ts,
      value: valueAt(ts),
      flags: 0,
    });
  await writeBatch(
    db.sql,
    { readings, quarantine: [], seen: new Map([[device.id, end]]), connectivity: new Map() },
    new Map(),
  );
});
test.afterAll(() => db?.close());

test("switch to 24 h, zoom by dragging, back to live", async ({ page }) => {
  await signIn(page);
  await page.goto(`/devices/${device.key}`);
  const chart = page.getByTestId("metric-chart-temperature");
  await expect(chart.getByText("Live 15 min")).toBeVisible();

  await page.getByRole("button", { name: "24 h" }).click();
  await expect(page).toHaveURL(/[?&]range=24h/);
  await expect(chart.getByText("Last 24 h")).toBeVisible();
  await expect(chart.locator(".recharts-line-curve")).toBeVisible();

  const box = (await chart.locator(".recharts-surface").first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.65, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]from=.*&to=/);
  const url = new URL(page.url());
  const span = Date.parse(url.searchParams.get("to")!) - Date.parse(url.searchParams.get("from")!);
  // About 30 % of the 24 h chart's width, in the zone of the 24 h range.
  expect(span).toBeGreaterThan(4 * 3_600_000);
  expect(span).toBeLessThan(12 * 3_600_000);
  await expect(chart.locator(".recharts-line-curve")).toBeVisible();

  // The zoomed view is a link: opened afresh it shows the same span.
  await page.reload();
  await expect(chart.locator(".recharts-line-curve")).toBeVisible();
  await page.getByRole("button", { name: "Back to live" }).click();
  await expect(chart.getByText("Live 15 min")).toBeVisible();
  await expect(page).not.toHaveURL(/from=/);
});

test("export a range as CSV: every reading, and as charted", async ({ page }) => {
  const from = new Date(start + 6 * 60 * MINUTE).toISOString();
  const to = new Date(start + 10 * 60 * MINUTE).toISOString(); // four hours: 240 readings
  await signIn(page);
  await page.goto(`/devices/${device.key}?from=${from}&to=${to}`);
  const chart = page.getByTestId("metric-chart-temperature");
  await expect(chart.locator(".recharts-line-curve")).toBeVisible();

  const download = async (label: string) => {
    await chart.getByText("CSV").click();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      chart.getByRole("link", { name: label }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${device.key}_temperature_.*\\.csv$`));
    return readFileSync((await file.path())!, "utf8")
      .trim()
      .split("\n");
  };

  const raw = await download("Every reading (raw)");
  expect(raw[0]).toBe("time,value,time_untrusted");
  expect(raw).toHaveLength(1 + 240);
  // The first reading of the range, its value exactly as written.
  expect(raw[1]).toBe(`${from},${valueAt(Date.parse(from))},false`);

  const charted = await download("As charted (buckets)");
  expect(charted[0]).toBe("time,avg,min,max,count");
  const counts = charted.slice(1).map((line) => Number(line.split(",")[4]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(240);
  expect(counts.length).toBeLessThanOrEqual(600);
});

test("a bad export request gets a clear 400", async ({ page }) => {
  await signIn(page);
  const res = await page.request.get(
    `/api/export?device=${device.key}&metric=temperature&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`,
  );
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({
    code: "invalid_request",
    message: "from: from must be before to",
  });
});
