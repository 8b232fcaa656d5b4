import type postgres from "postgres";
import { randomBytes } from "node:crypto";
import type { Sql } from "../../lib/server/db/connect";
import type { MetricSpec } from "../../lib/domain/devices/types";

/** A unique suffix, so tests sharing a database or broker never see each other's rows or topics. */
export const uniqueId = () => randomBytes(4).toString("hex");

export interface TestDevice {
  id: string;
  key: string;
  siteId: string;
}

/** A site, a device type with `metrics`, and one device in it. */
export async function createTestDevice(
  sql: Sql,
  metrics: MetricSpec[] = [],
  options: { disabled?: boolean } = {},
): Promise<TestDevice> {
  const id = uniqueId();
  const [site] = await sql<
    { id: string }[]
  >`insert into sites (slug, name) values (${`site-${id}`}, ${`Site ${id}`}) returning id`;
  const [type] = await sql<{ id: string }[]>`
    insert into device_types (slug, name, metrics) values (${`type-${id}`}, ${`Type ${id}`}, ${sql.json(metrics as unknown as postgres.JSONValue)}) returning id`;
  const key = `dev-${id}`;
  const [device] = await sql<{ id: string }[]>`
    insert into devices (key, name, site_id, type_id, disabled)
    values (${key}, ${`Device ${id}`}, ${site!.id}, ${type!.id}, ${options.disabled ?? false}) returning id`;
  return { id: device!.id, key, siteId: site!.id };
}

/** Polls until `check` returns a value that isn't undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Publishes a probe until the worker has stored it: the worker's subscription is asynchronous. */
export async function waitUntilIngesting(
  sql: Sql,
  publish: (topic: string, payload: string) => Promise<unknown>,
  device: TestDevice,
): Promise<void> {
  await waitFor(
    async () => {
      await publish(`devices/${device.key}/telemetry/probe`, "1");
      const rows = await sql`select 1 from series where device_id = ${device.id} and metric = 'probe'`;
      return rows.length > 0 ? true : undefined;
    },
    30_000,
    "the worker to subscribe",
  );
}

/** How many readings a device has stored, for one metric or all of them. */
export async function countReadings(sql: Sql, deviceId: string, metric?: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from readings r join series s on s.id = r.series_id
    where s.device_id = ${deviceId} ${metric ? sql`and s.metric = ${metric}` : sql``}`;
  return row!.n;
}
