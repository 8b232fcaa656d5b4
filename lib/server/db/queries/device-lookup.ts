import type { MetricSpec } from "../schema/devices";
import type { Sql } from "../connect";

/** What the ingest path needs to know about a device to accept its messages. */
export interface DeviceInfo {
  id: string;
  key: string;
  disabled: boolean;
  metrics: MetricSpec[];
  /** Where it sits: which alert rules apply to it. */
  siteId: string;
  typeId: string | null;
}

export async function findDeviceByKey(sql: Sql, key: string): Promise<DeviceInfo | null> {
  const rows = await sql<
    {
      id: string;
      key: string;
      disabled: boolean;
      metrics: MetricSpec[] | null;
      site_id: string;
      type_id: string | null;
    }[]
  >`
    select d.id, d.key, d.disabled, t.metrics, d.site_id, d.type_id
    from devices d left join device_types t on t.id = d.type_id
    where d.key = ${key}`;
  const row = rows[0];
  return row
    ? {
        id: row.id,
        key: row.key,
        disabled: row.disabled,
        metrics: row.metrics ?? [],
        siteId: row.site_id,
        typeId: row.type_id,
      }
    : null;
}
