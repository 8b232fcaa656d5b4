import type { Viewer } from "../db/queries/users";
import type { SiteRole, SiteScope } from "../../domain/auth/access";

/**
 * Everything a person can do, and the least site role it takes (docs/architecture.md, "Data model": viewer < operator
 * < admin per site; "global" actions need a global admin). One table, used by every handler.
 */
export const ACTIONS = {
  "device.read": "viewer",
  "alert.ack": "operator",
  // Rejected messages and their replay: operators look after the data coming in.
  "quarantine.read": "operator",
  "quarantine.replay": "operator",
  "command.send": "operator",
  "rule.edit": "operator",
  "device.manage": "admin",
  "user.manage": "admin",
  "audit.read": "admin",
  // Webhook endpoints send site data out and hold signing secrets.
  "webhook.manage": "admin",
  "site.manage": "global",
  // Device types are shared by every site: a change of range affects them all.
  "type.manage": "global",
} as const satisfies Record<string, SiteRole | "global">;

export type Action = keyof typeof ACTIONS;

const RANK: Record<SiteRole, number> = { viewer: 1, operator: 2, admin: 3 };

export function roleAt(viewer: Viewer, siteId: string): SiteRole | null {
  return viewer.roles.find((r) => r.siteId === siteId)?.role ?? null;
}

/** May `viewer` do `action` on `siteId`? Global admins may do everything everywhere. */
export function can(viewer: Viewer, action: Action, siteId: string): boolean {
  if (viewer.isAdmin) return true;
  const needed = ACTIONS[action];
  if (needed === "global") return false;
  const role = roleAt(viewer, siteId);
  return role !== null && RANK[role] >= RANK[needed];
}

/** The sites where `viewer` may do `action`, as a filter for list queries. */
export function scopeFor(viewer: Viewer, action: Action): SiteScope {
  if (viewer.isAdmin) return { all: true };
  return {
    all: false,
    siteIds: viewer.roles.filter((r) => can(viewer, action, r.siteId)).map((r) => r.siteId),
  };
}

/** True when `viewer` may do `action` on at least one site (e.g. to show a menu entry). */
export function canAnywhere(viewer: Viewer, action: Action): boolean {
  const scope = scopeFor(viewer, action);
  return scope.all || scope.siteIds.length > 0;
}

/**
 * How a site named in a request stands for `viewer` doing `action` there. A site they can't see
 * is "unknown", exactly like a slug that names no site (null): which sites exist is not theirs
 * to learn, so the answer must not differ. A site they see without the role is "forbidden".
 */
export type SiteStanding = "ok" | "forbidden" | "unknown";

export function siteStanding(viewer: Viewer, action: Action, siteId: string | null): SiteStanding {
  if (siteId === null || !can(viewer, "device.read", siteId)) return "unknown";
  return can(viewer, action, siteId) ? "ok" : "forbidden";
}
