import { asc, inArray } from "drizzle-orm";
import type { SiteScope } from "../../../domain/auth/access";
import type { Orm, Sql } from "../connect";
import { sites } from "../schema";
import { deviceRows } from "./devices";

/** The sites a scope can see (for filters and pickers), by name. */
export async function listVisibleSites(
  orm: Orm,
  scope: SiteScope,
): Promise<{ id: string; slug: string; name: string }[]> {
  if (!scope.all && scope.siteIds.length === 0) return [];
  return orm
    .select({ id: sites.id, slug: sites.slug, name: sites.name })
    .from(sites)
    .where(scope.all ? undefined : inArray(sites.id, scope.siteIds))
    .orderBy(asc(sites.name));
}

export interface SiteSummary {
  slug: string;
  name: string;
  createdAt: Date;
  devices: number;
  online: number;
  offline: number;
  never: number;
}

/** A site as the sites API lists it: its device counts, in all and by state (the date as an ISO string). */
export interface SiteView {
  slug: string;
  name: string;
  createdAt: string;
  devices: number;
  online: number;
  offline: number;
  never: number;
}

export function toSiteView(site: SiteSummary): SiteView {
  return {
    slug: site.slug,
    name: site.name,
    createdAt: site.createdAt.toISOString(),
    devices: site.devices,
    online: site.online,
    offline: site.offline,
    never: site.never,
  };
}

/** Sites with their device counts, in all and by state, for the sites API and page. */
export async function siteSummaries(sql: Sql, scope: SiteScope): Promise<SiteSummary[]> {
  if (!scope.all && scope.siteIds.length === 0) return [];
  return sql<SiteSummary[]>`
    select s.slug, s.name, s.created_at as "createdAt", count(v.key)::int as devices,
           count(*) filter (where v.status = 'online')::int as online,
           count(*) filter (where v.status = 'offline')::int as offline,
           count(*) filter (where v.status = 'never')::int as never
    from sites s left join (${deviceRows(sql, scope)}) v on v.site_slug = s.slug
    where ${scope.all ? sql`true` : sql`s.id = any(${scope.siteIds}::uuid[])`}
    group by s.id order by s.name`;
}

/** slug → id for the given slugs that exist. */
export async function siteIdsBySlug(orm: Orm, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await orm
    .select({ id: sites.id, slug: sites.slug })
    .from(sites)
    .where(inArray(sites.slug, slugs));
  return new Map(rows.map((r) => [r.slug, r.id]));
}
