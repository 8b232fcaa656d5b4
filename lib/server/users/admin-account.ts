import { randomBytes } from "node:crypto";
import { passwordProblem } from "../../domain/auth/password-policy";
import { audit } from "../audit";
import { hashPassword } from "../auth/password";
import type { Sql } from "../db/connect";
import { clearSignInFailures } from "../db/queries/sign-in-limits";
import { setPassword } from "../db/queries/users";

export interface AdminAccountInput {
  email: string;
  /** For a new account; an existing one keeps its name. */
  name?: string;
  /** Absent: one is generated (and returned, to be shown once). */
  password?: string;
}

export interface AdminAccount {
  email: string;
  created: boolean;
  generatedPassword?: string;
}

export class AdminAccountError extends Error {}

/**
 * A global admin with this email and a new password, from the command line (`npm run
 * admin:create`): the first admin of a fresh installation, or a way back in for a locked-out
 * one — an existing account is made global admin, enabled, given the password, its sign-in
 * failures forgiven and its sessions ended. The password must pass the app's policy.
 */
export async function createOrResetAdmin(sql: Sql, input: AdminAccountInput): Promise<AdminAccount> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new AdminAccountError(`"${input.email}" is not an email address.`);
  const problem = input.password === undefined ? null : passwordProblem(input.password, email);
  if (problem) throw new AdminAccountError(`The password is refused: ${problem}`);
  const password = input.password ?? randomBytes(15).toString("base64url");
  const hash = await hashPassword(password);
  const created = await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    const [row] = await t<{ id: string; created: boolean }[]>`
      insert into users (email, name, password_hash, is_admin) values (${email}, ${input.name ?? "Administrator"}, ${hash}, true)
      on conflict (email) do update set is_admin = true, disabled_at = null
      returning id, (xmax = 0) as created`;
    if (!row!.created) await setPassword(t, row!.id, hash);
    await clearSignInFailures(t, email);
    return row!.created;
  });
  await audit(sql, {
    action: created ? "user.create" : "user.update",
    actor: null,
    actorLabel: "command line (admin:create)",
    target: { type: "user", id: email },
    details: { isAdmin: true, ...(created ? {} : { enabled: true, passwordSet: true }) },
  });
  return { email, created, ...(input.password === undefined ? { generatedPassword: password } : {}) };
}
