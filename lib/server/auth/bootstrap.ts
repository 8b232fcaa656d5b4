import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Orm } from "../db/connect";
import { users } from "../db/schema";
import { hashPassword } from "./password";

export interface FirstAdmin {
  email: string;
  /** Set only when this call created the admin with a generated password (print it once). */
  generatedPassword?: string;
  created: boolean;
}

/**
 * Creates the first global admin when there is no user yet. With ADMIN_PASSWORD set, that
 * password is used (and kept in step on later starts); otherwise one is generated.
 */
export async function ensureFirstAdmin(orm: Orm, email: string, password?: string): Promise<FirstAdmin> {
  const normalised = email.trim().toLowerCase();
  const [{ n } = { n: 0 }] = await orm.select({ n: count() }).from(users);
  if (n > 0) {
    if (password)
      await orm
        .update(users)
        .set({ passwordHash: await hashPassword(password) })
        .where(eq(users.email, normalised));
    return { email: normalised, created: false };
  }
  const chosen = password ?? randomBytes(12).toString("base64url");
  await orm.insert(users).values({
    email: normalised,
    name: "Administrator",
    passwordHash: await hashPassword(chosen),
    isAdmin: true,
  });
  return { email: normalised, created: true, generatedPassword: password ? undefined : chosen };
}
