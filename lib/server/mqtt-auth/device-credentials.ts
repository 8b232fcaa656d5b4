import type { Sql } from "../db/connect";
import type { DeviceCredential } from "./decide";

/**
 * Devices' state for the broker: disabled or archived, and the live token — the newest
 * `device_tokens` row not revoked (provisioning revokes the old one when it rotates).
 * One query for many keys: the embedded broker re-checks every connected device together.
 */
export async function findDeviceCredentials(
  sql: Sql,
  keys: readonly string[],
): Promise<Map<string, DeviceCredential>> {
  const rows = await sql<{ key: string; disabled: boolean; archived: boolean; token_hash: string | null }[]>`
    select d.key, d.disabled, d.archived_at is not null as archived, t.token_hash
    from devices d
    left join lateral (
      select token_hash from device_tokens
      where device_id = d.id and revoked_at is null
      order by created_at desc, id desc limit 1
    ) t on true
    where d.key = any(${keys as string[]}::text[])`;
  return new Map(
    rows.map((row) => [
      row.key,
      { disabled: row.disabled, archived: row.archived, liveTokenHash: row.token_hash },
    ]),
  );
}

export async function findDeviceCredential(sql: Sql, key: string): Promise<DeviceCredential | null> {
  return (await findDeviceCredentials(sql, [key])).get(key) ?? null;
}
