import type postgres from "postgres";
import type { Queryable, Sql } from "../connect";
import type { DeviceChangesInput, NewDeviceInput } from "../../../domain/devices/input";

/** A device row as the provisioning code needs it (any site: callers check permissions). */
export interface DeviceRecord {
  id: string;
  key: string;
  siteId: string;
  archivedAt: Date | null;
}

export async function findDeviceRecord(sql: Queryable, key: string): Promise<DeviceRecord | null> {
  const [row] = await sql<DeviceRecord[]>`
    select id, key, site_id as "siteId", archived_at as "archivedAt" from devices where key = ${key}`;
  return row ?? null;
}

/** Site and type ids by slug; null where the slug is unknown. */
export async function resolveSiteAndType(sql: Queryable, site: string, type: string | null | undefined) {
  const [row] = await sql<{ site_id: string | null; type_id: string | null }[]>`
    select (select id from sites where slug = ${site}) as site_id,
           (select id from device_types where slug = ${type ?? ""}) as type_id`;
  return { siteId: row?.site_id ?? null, typeId: row?.type_id ?? null };
}

/** Inserts devices and their first tokens; a key taken already makes the whole statement fail (23505). */
export async function insertDevices(
  tx: Queryable,
  devices: (NewDeviceInput & { siteId: string; typeId: string | null; tokenHash: string })[],
): Promise<Map<string, string>> {
  const rows = await tx<{ id: string; key: string }[]>`
    insert into devices ${tx(
      devices.map((d) => ({
        key: d.key,
        name: d.name,
        site_id: d.siteId,
        type_id: d.typeId,
        location: d.location ?? null,
        latitude: d.latitude ?? null,
        longitude: d.longitude ?? null,
        inactivity_timeout_s: d.inactivityTimeoutS ?? null,
      })),
    )} returning id, key`;
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  await tx`insert into device_tokens ${tx(devices.map((d) => ({ device_id: ids.get(d.key)!, token_hash: d.tokenHash })))}`;
  return ids;
}

export async function updateDevice(
  sql: Queryable,
  id: string,
  changes: Omit<DeviceChangesInput, "site" | "type"> & { siteId?: string; typeId?: string | null },
): Promise<void> {
  const columns: Record<string, unknown> = {};
  if (changes.name !== undefined) columns.name = changes.name;
  if (changes.siteId !== undefined) columns.site_id = changes.siteId;
  if (changes.typeId !== undefined) columns.type_id = changes.typeId;
  if (changes.location !== undefined) columns.location = changes.location;
  if (changes.latitude !== undefined) columns.latitude = changes.latitude;
  if (changes.longitude !== undefined) columns.longitude = changes.longitude;
  if (changes.inactivityTimeoutS !== undefined) columns.inactivity_timeout_s = changes.inactivityTimeoutS;
  if (changes.disabled !== undefined) columns.disabled = changes.disabled;
  if (Object.keys(columns).length > 0)
    await sql`update devices set ${sql(columns as Record<string, postgres.SerializableParameter>)} where id = ${id}`;
}

/** Revokes every live token and adds a new one: the old one stops at once (the broker's cache: seconds). */
export async function replaceToken(sql: Sql, deviceId: string, tokenHash: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`update device_tokens set revoked_at = now() where device_id = ${deviceId} and revoked_at is null`;
    await tx`insert into device_tokens (device_id, token_hash) values (${deviceId}, ${tokenHash})`;
  });
}

/**
 * Deletes a device. Keeping its data: the row stays, disabled, tokens revoked, marked archived
 * (gone from the fleet, its key reserved, its page, exports and quarantined messages still
 * there, its site's). Dropping it: the row goes, and with it (cascade, trigger) its series,
 * readings, rollups, tokens, commands and quarantined messages — the key is free again, and
 * nothing of this device's goes to the next device given it.
 */
export async function deleteDevice(sql: Sql, id: string, keepData: boolean): Promise<void> {
  if (!keepData) {
    await sql`delete from devices where id = ${id}`;
    return;
  }
  await sql.begin(async (tx) => {
    await tx`update devices set archived_at = now(), disabled = true where id = ${id}`;
    await tx`update device_tokens set revoked_at = now() where device_id = ${id} and revoked_at is null`;
  });
}
