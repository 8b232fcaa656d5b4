import type { SiteScope } from "../../../domain/auth/access";
import type { Sql } from "../connect";
import type { MetricSpec } from "../../../domain/devices/types";
import type { LatestValue } from "./readings";
import { siteFilter } from "./scope-sql";

export type DeviceStatus = "online" | "offline" | "never";

export interface DeviceView {
  key: string;
  name: string;
  location: string | null;
  disabled: boolean;
  /** Set when the device was deleted with its data kept: gone from lists, its page and data remain. */
  archivedAt: string | null;
  latitude: number | null;
  longitude: number | null;
  inactivityTimeoutS: number | null;
  site: { slug: string; name: string };
  type: { slug: string; name: string } | null;
  metrics: MetricSpec[];
  status: DeviceStatus;
  lastSeenAt: string | null;
  /** Each metric's newest value by device time. */
  latest: Record<string, LatestValue>;
}

export interface DeviceListParams {
  site?: string;
  type?: string;
  status?: DeviceStatus;
  q?: string;
  page: number;
  pageSize: number;
  sort: DeviceSort;
}

export const DEVICE_SORTS = [
  "name",
  "-name",
  "key",
  "-key",
  "lastSeen",
  "-lastSeen",
  "status",
  "-status",
  "site",
  "-site",
] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];

const SORT_SQL: Record<string, string> = {
  name: "name",
  key: "key",
  lastSeen: "last_seen_at",
  status: "status",
  site: "site_name",
};

/**
 * Status: never seen; offline when the ingest worker marked it so (its status topic, Last Will
 * or a sweep for silence) or it has been silent past its timeout since the last sweep.
 */
export function deviceRows(sql: Sql, scope: SiteScope, { includeArchived = false } = {}) {
  return sql`
    select d.id, d.site_id, d.key, d.name, d.location, d.disabled, d.last_seen_at, d.archived_at, d.latitude, d.longitude,
           d.inactivity_timeout_s,
           s.slug as site_slug, s.name as site_name, t.slug as type_slug, t.name as type_name,
           coalesce(t.metrics, '[]'::jsonb) as metrics,
           case
             when d.last_seen_at is null then 'never'
             when d.connectivity = 'offline' then 'offline'
             when d.last_seen_at < now() - make_interval(secs => coalesce(d.inactivity_timeout_s, t.inactivity_timeout_s, 300)) then 'offline'
             else 'online'
           end as status
    from devices d
    join sites s on s.id = d.site_id
    left join device_types t on t.id = d.type_id
    where true ${siteFilter(sql, "d.site_id", scope)} ${includeArchived ? sql`` : sql`and d.archived_at is null`}`;
}

type Row = {
  id: string;
  key: string;
  name: string;
  location: string | null;
  disabled: boolean;
  last_seen_at: Date | null;
  archived_at: Date | null;
  latitude: number | null;
  longitude: number | null;
  inactivity_timeout_s: number | null;
  site_slug: string;
  site_name: string;
  type_slug: string | null;
  type_name: string | null;
  metrics: MetricSpec[];
  status: DeviceStatus;
  latest: Record<string, LatestValue> | null;
};

function toSummary(row: Row): DeviceView {
  return {
    key: row.key,
    name: row.name,
    location: row.location,
    disabled: row.disabled,
    archivedAt: row.archived_at?.toISOString() ?? null,
    latitude: row.latitude,
    longitude: row.longitude,
    inactivityTimeoutS: row.inactivity_timeout_s,
    site: { slug: row.site_slug, name: row.site_name },
    type: row.type_slug ? { slug: row.type_slug, name: row.type_name ?? row.type_slug } : null,
    metrics: row.metrics,
    status: row.status,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    latest: row.latest ?? {},
  };
}

const latestJson = (sql: Sql) => sql`
  (select jsonb_object_agg(se.metric, jsonb_build_object('ts', (extract(epoch from se.latest_ts) * 1000)::float8, 'value', se.latest_value))
   from series se where se.device_id = v.id and se.latest_ts is not null) as latest`;

export async function listDevices(
  sql: Sql,
  scope: SiteScope,
  p: DeviceListParams,
): Promise<{ items: DeviceView[]; total: number }> {
  const desc = p.sort.startsWith("-");
  const column = SORT_SQL[desc ? p.sort.slice(1) : p.sort] ?? "name";
  const like = p.q ? `%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sql<(Row & { total: number })[]>`
    select v.*, count(*) over () ::int as total, ${latestJson(sql)}
    from (${deviceRows(sql, scope)}) v
    where true
      ${p.site ? sql`and v.site_slug = ${p.site}` : sql``}
      ${p.type ? sql`and v.type_slug = ${p.type}` : sql``}
      ${p.status ? sql`and v.status = ${p.status}` : sql``}
      ${like ? sql`and (v.key ilike ${like} or v.name ilike ${like})` : sql``}
    order by ${sql(column)} ${desc ? sql`desc nulls last` : sql`asc nulls last`}, v.key
    limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`;
  return { items: rows.map(toSummary), total: rows[0]?.total ?? 0 };
}

/**
 * One device, or null when it doesn't exist or the scope can't see it (callers answer 404 either
 * way). A device deleted with its data kept is found: its page and exports still work.
 */
export async function getDevice(
  sql: Sql,
  scope: SiteScope,
  key: string,
): Promise<(DeviceView & { id: string; siteId: string }) | null> {
  const rows = await sql<(Row & { site_id: string })[]>`
    select v.*, ${latestJson(sql)} from (${deviceRows(sql, scope, { includeArchived: true })}) v where v.key = ${key}`;
  const row = rows[0];
  return row ? { ...toSummary(row), id: row.id, siteId: row.site_id } : null;
}

/** Keys of the devices a scope can see, for filtering the live stream. */
export async function visibleDeviceKeys(sql: Sql, scope: SiteScope, keys?: string[]): Promise<string[]> {
  const rows = await sql<{ key: string }[]>`
    select d.key from devices d where true ${siteFilter(sql, "d.site_id", scope)}
    ${keys ? sql`and d.key = any(${keys}::text[])` : sql``}`;
  return rows.map((r) => r.key);
}

/** How many devices a scope can see in each state (the Overview's tiles). */
export async function deviceStatusCounts(sql: Sql, scope: SiteScope): Promise<Record<DeviceStatus, number>> {
  const rows = await sql<{ status: DeviceStatus; n: number }[]>`
    select v.status, count(*)::int as n from (${deviceRows(sql, scope)}) v group by v.status`;
  const counts: Record<DeviceStatus, number> = { online: 0, offline: 0, never: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export type SiteDevice = Pick<DeviceView, "key" | "name" | "status" | "lastSeenAt">;

/** Each visible site's devices, offline first, at most `perSite` each (the Sites page). */
export async function devicesBySite(
  sql: Sql,
  scope: SiteScope,
  perSite: number,
): Promise<Map<string, SiteDevice[]>> {
  const rows = await sql<
    { site_slug: string; key: string; name: string; status: DeviceStatus; last_seen_at: Date | null }[]
  >`
    select site_slug, key, name, status, last_seen_at from (
      select v.*, row_number() over (partition by v.site_slug order by (v.status = 'offline') desc, v.name, v.key) as n
      from (${deviceRows(sql, scope)}) v
    ) ranked where n <= ${perSite} order by site_slug, n`;
  const bySite = new Map<string, SiteDevice[]>();
  for (const r of rows) {
    const list = bySite.get(r.site_slug) ?? [];
    list.push({
      key: r.key,
      name: r.name,
      status: r.status,
      lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    });
    bySite.set(r.site_slug, list);
  }
  return bySite;
}

/** The device types of the devices a scope can see, by name (the Devices page's type filter). */
export async function visibleDeviceTypes(
  sql: Sql,
  scope: SiteScope,
): Promise<{ slug: string; name: string }[]> {
  return sql<{ slug: string; name: string }[]>`
    select distinct v.type_slug as slug, v.type_name as name from (${deviceRows(sql, scope)}) v
    where v.type_slug is not null order by name`;
}
