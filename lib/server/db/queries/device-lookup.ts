import type { DeviceInfo, MetricSpec } from "../../../domain/devices/types";
import type { Sql } from "../connect";

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
