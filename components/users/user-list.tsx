import { Badge } from "../ui/badge";
import { UserActions } from "./user-actions";
import type { UserView } from "@/lib/server/users/view";
import { ROLE_LABEL, type UserAdminContext } from "./types";

/** Users as a table on wide screens; below md each row stacks into a card (same markup, so tests see one list). */
export function UserList({ users, context }: { users: UserView[]; context: UserAdminContext }) {
  return (
    <table className="w-full text-sm max-md:block">
      <thead className="border-b border-border bg-zinc-50 text-xs uppercase tracking-wide text-muted max-md:hidden dark:bg-zinc-900">
        <tr>
          <th scope="col" className="px-4 py-2.5 text-left font-medium">
            User
          </th>
          <th scope="col" className="px-4 py-2.5 text-left font-medium">
            Roles
          </th>
          <th scope="col" className="px-4 py-2.5 text-left font-medium">
            Status
          </th>
          <th scope="col" className="px-4 py-2.5 text-right font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border max-md:block">
        {users.map((user) => (
          <tr
            key={user.id}
            data-testid="user-row"
            data-email={user.email}
            className="max-md:block max-md:space-y-2 max-md:px-4 max-md:py-3"
          >
            <td className="px-4 py-3 align-top max-md:block max-md:p-0">
              <p className="font-medium">
                {user.name}
                {user.id === context.viewerId && <span className="font-normal text-muted"> (you)</span>}
              </p>
              <p className="break-all text-xs text-muted">{user.email}</p>
            </td>
            <td className="px-4 py-3 align-top max-md:block max-md:p-0">
              <UserRoles user={user} />
            </td>
            <td className="px-4 py-3 align-top max-md:block max-md:p-0">
              {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="ok">Active</Badge>}
            </td>
            <td className="px-4 py-3 align-top max-md:block max-md:p-0 max-md:pt-1">
              {user.manageable ? (
                <UserActions user={user} context={context} />
              ) : (
                <p className="text-xs text-muted md:text-right" data-testid="read-only-user">
                  Also on sites you don&apos;t administer: only a global admin can change this account.
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UserRoles({ user }: { user: UserView }) {
  if (!user.isAdmin && user.roles.length === 0) return <span className="text-muted">No roles</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={`Roles of ${user.name}`}>
      {user.isAdmin && (
        <li>
          <Badge tone="accent">Global admin</Badge>
        </li>
      )}
      {user.roles.map((r) => (
        <li key={r.site}>
          <Badge>
            {r.siteName}: {ROLE_LABEL[r.role].toLowerCase()}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
