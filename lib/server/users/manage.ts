import { randomBytes } from "node:crypto";
import { audit } from "../audit";
import { SITE_ROLES, type SiteRole, type SiteScope } from "../../domain/auth/access";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../../domain/auth/password-policy";
import { scopeFor } from "../auth/permissions";
import type { Principal } from "../auth/principal";
import type { Sql } from "../db/connect";
import { listManagedUsers, replaceRoles, type ManagedUser } from "../db/queries/user-admin";
import { endSessions, setPassword } from "../db/queries/users";
import { ApiError, forbidden, notFound } from "../http/errors";
import type { NewUserInput, RoleInput, UserPatchInput } from "../../domain/users/input";
import { isUuid } from "../../domain/ids";
import { issuePasswordLink } from "./password-links";

/** Site slugs → ids, but only sites the caller manages; anything else reads as unknown. */
async function resolveRoles(
  sql: Sql,
  scope: SiteScope,
  roles: RoleInput[],
): Promise<{ siteId: string; role: SiteRole }[]> {
  const rows = await sql<{ id: string; slug: string }[]>`
    select id, slug from sites where slug = any(${roles.map((r) => r.site)}::text[])
      and ${scope.all ? sql`true` : sql`id = any(${scope.siteIds}::uuid[])`}`;
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown = roles.find((r) => !ids.has(r.site));
  if (unknown)
    throw new ApiError(422, "invalid_field", `Unknown site "${unknown.site}".`, {
      roles: `unknown site "${unknown.site}"`,
    });
  return roles.map((r) => ({ siteId: ids.get(r.site)!, role: r.role }));
}

function checkPassword(password: string, email: string) {
  const problem = passwordProblem(password, email);
  if (problem) throw new ApiError(422, "weak_password", problem, { password: problem });
}

/** Site admins see their sites' audit events, so changes they make are filed under their site. */
function auditSite(scope: SiteScope, roles: { siteId: string }[]): string | null {
  return roles[0]?.siteId ?? (scope.all ? null : (scope.siteIds[0] ?? null));
}

/** Whether the new roles drop a site or lower a role there (the caller's sites only: `before` is what they see). */
function rolesTakenAway(before: RoleInput[], after: RoleInput[]): boolean {
  const rank = (role: SiteRole) => SITE_ROLES.indexOf(role);
  return before.some((b) => {
    const now = after.find((a) => a.site === b.site);
    return !now || rank(now.role) < rank(b.role);
  });
}

const unusablePassword = () => hashPassword(randomBytes(32).toString("base64url"));

export async function createUser(sql: Sql, actor: Principal, input: NewUserInput, ip: string | null) {
  const scope = scopeFor(actor, "user.manage");
  if (!scope.all && scope.siteIds.length === 0) throw forbidden();
  if (input.isAdmin && !actor.isAdmin) throw forbidden("Only global admins make global admins.");
  if (!scope.all && input.roles.length === 0)
    throw new ApiError(422, "invalid_field", "Give the user a role on one of your sites.", {
      roles: "required",
    });
  if (input.password) checkPassword(input.password, input.email);
  const roles = await resolveRoles(sql, scope, input.roles);
  const passwordHash = input.password ? await hashPassword(input.password) : await unusablePassword();
  const result = await sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into users (email, name, password_hash, is_admin) values (${input.email}, ${input.name}, ${passwordHash}, ${input.isAdmin})
      on conflict (email) do nothing returning id`;
    if (!row)
      throw new ApiError(409, "conflict", "A user with this email exists already.", {
        email: "already in use",
      });
    await replaceRoles(tx as unknown as Sql, row.id, scope, roles);
    const link = input.password ? null : await issuePasswordLink(tx as unknown as Sql, row.id);
    return { id: row.id, link };
  });
  await audit(sql, {
    action: "user.create",
    actor,
    target: { type: "user", id: input.email },
    siteId: auditSite(scope, roles),
    ip,
    details: { roles: input.roles, isAdmin: input.isAdmin, invited: !input.password },
  });
  const [user] = await listManagedUsers(sql, scope, result.id);
  return { user: user!, setPasswordPath: result.link };
}

export async function updateUser(
  sql: Sql,
  actor: Principal,
  id: string,
  patch: UserPatchInput,
  ip: string | null,
) {
  const scope = scopeFor(actor, "user.manage");
  const target: ManagedUser | undefined = isUuid(id)
    ? (await listManagedUsers(sql, scope, id))[0]
    : undefined;
  if (!target) throw notFound("such user");
  if (!target.manageable)
    throw forbidden(
      `${target.email} also belongs to sites you don't administer; only a global admin can change their account.`,
    );
  const self = target.id === actor.id;
  if (self && (patch.disabled || patch.isAdmin === false || patch.resetLink)) {
    throw new ApiError(
      422,
      "invalid_field",
      "You can't disable yourself, reset your own password or drop your own admin rights (use your profile to change your password).",
    );
  }
  if (patch.isAdmin !== undefined && !actor.isAdmin)
    throw forbidden("Only global admins change global admin rights.");
  if (patch.password) checkPassword(patch.password, target.email);
  const roles = patch.roles ? await resolveRoles(sql, scope, patch.roles) : null;
  const passwordHash = patch.password
    ? await hashPassword(patch.password)
    : patch.resetLink
      ? await unusablePassword()
      : null;
  const link = await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    if (patch.name !== undefined) await t`update users set name = ${patch.name} where id = ${id}`;
    if (patch.isAdmin !== undefined) await t`update users set is_admin = ${patch.isAdmin} where id = ${id}`;
    if (patch.disabled !== undefined)
      await t`update users set disabled_at = ${patch.disabled ? new Date() : null} where id = ${id}`;
    if (roles) await replaceRoles(t, id, scope, roles);
    // A new password (or a reset) ends their sessions with it; so does disabling them or taking a role away.
    if (passwordHash) await setPassword(t, id, passwordHash);
    else if (
      patch.disabled ||
      patch.isAdmin === false ||
      (roles && rolesTakenAway(target.roles, patch.roles!))
    )
      await endSessions(t, id);
    return patch.resetLink ? issuePasswordLink(t, id) : null;
  });
  const { password: _password, ...logged } = patch;
  await audit(sql, {
    action: "user.update",
    actor,
    target: { type: "user", id: target.email },
    siteId: auditSite(scope, roles ?? []),
    ip,
    details: { ...logged, passwordSet: Boolean(patch.password) },
  });
  const [user] = await listManagedUsers(sql, scope, id);
  return { user: user ?? null, setPasswordPath: link };
}
