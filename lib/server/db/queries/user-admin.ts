import type { SiteRole, SiteScope } from "../../../domain/auth/access";
import type { RoleInput } from "../../../domain/users/input";
import type { Sql } from "../connect";

export interface ManagedUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: Date;
  /** Only the roles on sites the caller manages. */
  roles: (RoleInput & { siteName: string })[];
  /**
   * Every membership of theirs lies on sites the caller administers. Only then may the caller
   * change them: a password, a link, disabling or a role reaches every site they belong to.
   */
  manageable: boolean;
}

const scopeCondition = (sql: Sql, scope: SiteScope, column: string) =>
  scope.all ? sql`true` : sql`${sql(column)} = any(${scope.siteIds}::uuid[])`;

/**
 * Users the caller may manage: all of them for global admins; for a site admin, the members of
 * their sites (global admins and members of other sites only are not theirs to see).
 */
export async function listManagedUsers(sql: Sql, scope: SiteScope, userId?: string): Promise<ManagedUser[]> {
  return sql<ManagedUser[]>`
    select u.id, u.email, u.name, u.is_admin as "isAdmin", u.disabled_at is not null as disabled, u.created_at as "createdAt",
      coalesce((select json_agg(json_build_object('site', s.slug, 'siteName', s.name, 'role', m.role) order by s.name)
                from memberships m join sites s on s.id = m.site_id
                where m.user_id = u.id and ${scopeCondition(sql, scope, "m.site_id")}), '[]') as roles,
      ${scope.all ? sql`true` : sql`not exists (select 1 from memberships m where m.user_id = u.id and not (m.site_id = any(${scope.siteIds}::uuid[])))`} as manageable
    from users u
    where ${userId ? sql`u.id = ${userId}` : sql`true`}
      and ${scope.all ? sql`true` : sql`not u.is_admin and exists (select 1 from memberships m where m.user_id = u.id and m.site_id = any(${scope.siteIds}::uuid[]))`}
    order by u.email`;
}

/** Replaces the user's roles on the sites in `scope` (roles elsewhere are left alone). */
export async function replaceRoles(
  sql: Sql,
  userId: string,
  scope: SiteScope,
  roles: { siteId: string; role: SiteRole }[],
): Promise<void> {
  await sql`delete from memberships where user_id = ${userId} and ${scopeCondition(sql, scope, "site_id")}`;
  if (roles.length === 0) return;
  await sql`
    insert into memberships (user_id, site_id, role)
    select ${userId}, * from unnest(${roles.map((r) => r.siteId)}::uuid[], ${roles.map((r) => r.role)}::site_role[])`;
}
