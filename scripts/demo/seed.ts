import type postgres from "postgres";
import type { Sql } from "../../lib/server/db/connect";
import { demoDeviceToken, hashDeviceToken } from "../../lib/domain/devices/credentials";
import { DEMO_DEVICE_TYPES, DEMO_SITES, demoDevices, type DemoDevice } from "./fleet";

export interface SeededDevice extends DemoDevice {
  /** The row id in `devices`. */
  id: string;
}

/**
 * Makes sure the demo sites, device types and the first `count` demo devices exist; safe to run
 * on every start. Existing sites and devices are left as people edited them; the demo types'
 * metric schemas are brought up to date so a newer simulator's readings are not quarantined.
 * A demo device without a live token gets `demoDeviceToken(secret, key)`'s hash, so the
 * simulator can log in; a token someone rotated since is left alone.
 */
export async function ensureDemoFleet(sql: Sql, count: number, secret: string): Promise<SeededDevice[]> {
  const devices = demoDevices(count);
  const keys = devices.map((d) => d.key);
  await sql.begin(async (tx) => {
    for (const site of DEMO_SITES) {
      await tx`insert into sites (slug, name) values (${site.slug}, ${site.name}) on conflict (slug) do nothing`;
    }
    for (const type of DEMO_DEVICE_TYPES) {
      await tx`
        insert into device_types (slug, name, metrics, inactivity_timeout_s)
        values (${type.slug}, ${type.name}, ${tx.json(type.metrics as unknown as postgres.JSONValue)}, ${type.inactivityTimeoutS})
        on conflict (slug) do update set metrics = excluded.metrics`;
    }
    // One statement for the whole fleet, however large: arrays in, joined to sites and types by slug.
    await tx`
      insert into devices (key, name, site_id, type_id, location)
      select d.key, d.name, s.id, t.id, d.location
      from unnest(${keys}::text[], ${devices.map((d) => d.name)}::text[], ${devices.map((d) => d.siteSlug)}::text[],
                  ${devices.map((d) => d.typeSlug)}::text[], ${devices.map((d) => d.location)}::text[])
             as d(key, name, site_slug, type_slug, location)
      join sites s on s.slug = d.site_slug
      join device_types t on t.slug = d.type_slug
      on conflict (key) do nothing`;
    await tx`
      insert into device_tokens (device_id, token_hash)
      select d.id, k.hash
      from unnest(${keys}::text[], ${keys.map((key) => hashDeviceToken(demoDeviceToken(secret, key)))}::text[]) as k(key, hash)
      join devices d on d.key = k.key
      where not exists (select 1 from device_tokens t where t.device_id = d.id and t.revoked_at is null)`;
  });
  const rows = await sql<
    { id: string; key: string }[]
  >`select id, key from devices where key = any(${keys}::text[])`;
  const ids = new Map(rows.map((row) => [row.key, row.id]));
  return devices.map((device) => {
    const id = ids.get(device.key);
    if (id === undefined) throw new Error(`demo device ${device.key} was not created`);
    return { ...device, id };
  });
}
