import { siteStanding, type Action } from "../auth/permissions";
import type { Viewer } from "../db/queries/users";
import { ApiError, forbidden } from "./errors";

/** 422 on `field`: no such site, or one the caller can't see (they answer alike). */
export const unknownSite = (slug: string, field = "site") =>
  new ApiError(422, "invalid_reference", `No site "${slug}".`, { [field]: `no site "${slug}"` });

/**
 * The id of a site a request names (`id` null: its slug is unknown), if the caller may do
 * `action` there: a site they can't see answers like an unknown one, one they see without the
 * role 403 with `forbiddenMessage`.
 */
export function requireSiteFor(
  viewer: Viewer,
  action: Action,
  site: { slug: string; id: string | null },
  forbiddenMessage: string,
  field = "site",
): string {
  const standing = siteStanding(viewer, action, site.id);
  if (standing === "unknown") throw unknownSite(site.slug, field);
  if (standing === "forbidden") throw forbidden(forbiddenMessage);
  return site.id!;
}
