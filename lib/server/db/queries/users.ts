import { eq } from "drizzle-orm";
import type { Orm } from "../connect";
import type { SiteRole } from "../../../domain/auth/access";
import { memberships, users } from "../schema";

/** The signed-in person as every permission check sees them, loaded fresh per request. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  roles: { siteId: string; role: SiteRole }[];
}

export async function findUserByEmail(orm: Orm, email: string) {
  const rows = await orm.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return rows[0] ?? null;
}

/** Null when the user is gone or disabled: their session stops working at once. */
export async function loadViewer(orm: Orm, userId: string): Promise<Viewer | null> {
  const rows = await orm.select().from(users).where(eq(users.id, userId)).limit(1);
  const user = rows[0];
  if (!user || user.disabledAt) return null;
  const roles = await orm
    .select({ siteId: memberships.siteId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id));
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, roles };
}
