/** Which sites' data a query may return: every site, or these. */
export type SiteScope = { all: true } | { all: false; siteIds: string[] };

/** What a member may do at a site, least to most (docs/architecture.md, "Data model"). */
export const SITE_ROLES = ["viewer", "operator", "admin"] as const;
export type SiteRole = (typeof SITE_ROLES)[number];
