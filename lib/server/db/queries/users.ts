import { eq } from "drizzle-orm";
import type { Orm, Sql } from "../connect";
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

/**
 * Null when the user is gone or disabled, or — given the session's version — when their sessions
 * were ended since it was signed in: such a session stops working at once.
 */
export async function loadViewer(orm: Orm, userId: string, sessionVersion?: number): Promise<Viewer | null> {
  const rows = await orm.select().from(users).where(eq(users.id, userId)).limit(1);
  const user = rows[0];
  if (!user || user.disabledAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  const roles = await orm
    .select({ siteId: memberships.siteId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id));
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, roles };
}

/** Ends every session of the user signed in so far; returns the version a session must now carry. */
export async function endSessions(sql: Sql, userId: string): Promise<number> {
  const [row] = await sql<{ version: number }[]>`
    update users set session_version = session_version + 1 where id = ${userId} returning session_version as version`;
  return row?.version ?? 0;
}

/** A new password ends every session signed in with the old one (the caller may renew its own). */
export async function setPassword(sql: Sql, userId: string, passwordHash: string): Promise<number> {
  await sql`update users set password_hash = ${passwordHash} where id = ${userId}`;
  return endSessions(sql, userId);
}
