import type { Viewer } from "../db/queries/users";

/** Which sites' data a query may return: every site, or these. */
export type SiteScope = { all: true } | { all: false; siteIds: string[] };

export function siteScope(viewer: Viewer): SiteScope {
  return viewer.isAdmin ? { all: true } : { all: false, siteIds: viewer.roles.map((r) => r.siteId) };
}
