import { asc, inArray } from "drizzle-orm";
import type { SiteScope } from "../../auth/access";
import type { Orm } from "../connect";
import { sites } from "../schema";

/** The sites a scope can see (for filters and pickers), by name. */
export async function listVisibleSites(orm: Orm, scope: SiteScope): Promise<{ slug: string; name: string }[]> {
  if (!scope.all && scope.siteIds.length === 0) return [];
  return orm
    .select({ slug: sites.slug, name: sites.name })
    .from(sites)
    .where(scope.all ? undefined : inArray(sites.id, scope.siteIds))
    .orderBy(asc(sites.name));
}
