import type { SiteRole } from "@/lib/domain/auth/access";

export const ROLE_LABEL: Record<SiteRole, string> = {
  viewer: "Viewer",
  operator: "Operator",
  admin: "Admin",
};

/** A site the signed-in admin manages (slug is what the API speaks). */
export interface ManagedSite {
  slug: string;
  name: string;
}

/** What the users screens need to know about who is looking. */
export interface UserAdminContext {
  viewerId: string;
  /** Global admins may make (and unmake) other global admins. */
  viewerIsAdmin: boolean;
  sites: ManagedSite[];
}
