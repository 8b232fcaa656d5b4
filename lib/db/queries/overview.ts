import type { SiteScope } from "../../auth/access";
import type { Sql } from "../connect";

/**
 * Quarantined messages received since `since` for the devices a scope can see; messages with
 * no known device (unknown keys, bad topics) count only for whoever sees every site.
 */
export async function quarantinedSince(sql: Sql, scope: SiteScope, since: Date): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from quarantine q
    where q.received_at >= ${since}
      ${scope.all ? sql`` : sql`and exists (select 1 from devices d where d.key = q.device_key and d.site_id = any(${scope.siteIds}::uuid[]))`}`;
  return row!.n;
}
