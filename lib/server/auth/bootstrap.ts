import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { passwordProblem } from "../../domain/auth/password-policy";
import type { Orm } from "../db/connect";
import { users } from "../db/schema";
import { ConfigError } from "../env";
import { hashPassword } from "./password";

export interface FirstAdmin {
  email: string;
  /** Set only when this call created the admin with a generated password (show it once). */
  generatedPassword?: string;
  created: boolean;
}

/**
 * Creates the first global admin when there is no user yet, with ADMIN_PASSWORD or a generated
 * password. Only then: once there are users, passwords are changed in the app, and a password
 * set at every start would undo such a change (and skip the checks the app makes). The chosen
 * password must pass the app's password policy; the error names the problem, never the value.
 */
export async function ensureFirstAdmin(orm: Orm, email: string, password?: string): Promise<FirstAdmin> {
  const normalised = email.trim().toLowerCase();
  const [{ n } = { n: 0 }] = await orm.select({ n: count() }).from(users);
  if (n > 0) return { email: normalised, created: false };
  const problem = password === undefined ? null : passwordProblem(password, normalised);
  if (problem) throw new ConfigError([`ADMIN_PASSWORD: ${problem}`]);
  const chosen = password ?? randomBytes(12).toString("base64url");
  await orm.insert(users).values({
    email: normalised,
    name: "Administrator",
    passwordHash: await hashPassword(chosen),
    isAdmin: true,
  });
  return { email: normalised, created: true, generatedPassword: password ? undefined : chosen };
}
