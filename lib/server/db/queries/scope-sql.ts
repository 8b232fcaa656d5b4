import type { SiteScope } from "../../../domain/auth/access";
import type { Sql } from "../connect";

/** `and <column> = any(visible sites)` — every query that returns devices goes through this. */
export function siteFilter(sql: Sql, column: string, scope: SiteScope) {
  return scope.all ? sql`` : sql`and ${sql(column)} = any(${scope.siteIds}::uuid[])`;
}
