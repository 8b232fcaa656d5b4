import type { Viewer } from "../db/queries/users";

/** Which sites' data a query may return: every site, or these. */
export type SiteScope = { all: true } | { all: false; siteIds: string[] };

/** The sites `viewer` can look at (any role). */
export function siteScope(viewer: Viewer): SiteScope {
  return viewer.isAdmin ? { all: true } : { all: false, siteIds: viewer.roles.map((r) => r.siteId) };
}
