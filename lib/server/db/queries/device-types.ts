import type postgres from "postgres";
import type { Sql } from "../connect";
import type { MetricSpec } from "../../../domain/devices/types";

/** A device type as the API and the Device types page show it, with how many devices use it. */
export interface DeviceTypeView {
  slug: string;
  name: string;
  inactivityTimeoutS: number;
  metrics: MetricSpec[];
  devices: number;
}

/** Every type (they are shared by all sites) with how many devices use it. */
export async function listDeviceTypes(sql: Sql): Promise<DeviceTypeView[]> {
  return sql<DeviceTypeView[]>`
    select t.slug, t.name, t.inactivity_timeout_s as "inactivityTimeoutS", t.metrics,
           (select count(*)::int from devices d where d.type_id = t.id and d.archived_at is null) as devices
    from device_types t order by t.name`;
}

export async function insertDeviceType(
  sql: Sql,
  t: { slug: string; name: string; inactivityTimeoutS: number; metrics: MetricSpec[] },
): Promise<boolean> {
  const rows = await sql`
    insert into device_types (slug, name, inactivity_timeout_s, metrics)
    values (${t.slug}, ${t.name}, ${t.inactivityTimeoutS}, ${sql.json(t.metrics as unknown as postgres.JSONValue)})
    on conflict (slug) do nothing returning id`;
  return rows.length > 0;
}

export async function updateDeviceType(
  sql: Sql,
  slug: string,
  t: { name?: string; inactivityTimeoutS?: number; metrics?: MetricSpec[] },
): Promise<boolean> {
  const rows = await sql`
    update device_types set
      name = coalesce(${t.name ?? null}, name),
      inactivity_timeout_s = coalesce(${t.inactivityTimeoutS ?? null}, inactivity_timeout_s),
      metrics = coalesce(${t.metrics ? sql.json(t.metrics as unknown as postgres.JSONValue) : null}, metrics)
    where slug = ${slug} returning id`;
  return rows.length > 0;
}
