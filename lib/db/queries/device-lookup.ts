import type { MetricSpec } from "../schema/devices";
import type { Sql } from "../connect";

/** What the ingest path needs to know about a device to accept its messages. */
export interface DeviceInfo {
  id: string;
  key: string;
  disabled: boolean;
  metrics: MetricSpec[];
}

export async function findDeviceByKey(sql: Sql, key: string): Promise<DeviceInfo | null> {
  const rows = await sql<{ id: string; key: string; disabled: boolean; metrics: MetricSpec[] | null }[]>`
    select d.id, d.key, d.disabled, t.metrics
    from devices d left join device_types t on t.id = d.type_id
    where d.key = ${key}`;
  const row = rows[0];
  return row ? { id: row.id, key: row.key, disabled: row.disabled, metrics: row.metrics ?? [] } : null;
}
