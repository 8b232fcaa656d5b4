import type { ManagedUser } from "../db/queries/user-admin";

/** A user as the users API sends them (dates as ISO strings). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: string;
  roles: ManagedUser["roles"];
  /** false: they also belong to sites the caller doesn't administer, so the caller can only look. */
  manageable: boolean;
}

export function toUserView(user: ManagedUser): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    roles: user.roles,
    manageable: user.manageable,
  };
}

/** What creating or changing a user answers: the user, and the one-time link when one was issued. */
export interface UserResultView {
  /** null: the change took the user out of the caller's sites. */
  user: UserView | null;
  setPasswordUrl: string | null;
}

/** The link goes out whole (`origin` + path), for the admin to pass on. */
export function toUserResultView(
  result: { user: ManagedUser | null; setPasswordPath: string | null },
  origin: string,
): UserResultView {
  return {
    user: result.user && toUserView(result.user),
    setPasswordUrl: result.setPasswordPath ? origin + result.setPasswordPath : null,
  };
}
