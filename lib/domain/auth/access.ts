/** Which sites' data a query may return: every site, or these. */
export type SiteScope = { all: true } | { all: false; siteIds: string[] };
