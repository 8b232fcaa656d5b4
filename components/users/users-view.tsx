"use client";

import { ApiRequestError, errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Skeleton } from "../ui/skeleton";
import { AddUserDialog } from "./add-user-dialog";
import type { UserAdminContext } from "./types";
import { UserList } from "./user-list";
import { useUsers } from "./use-users";

/** The users screen: who has access, their roles, and the admin actions on them. */
export function UsersView({ context }: { context: UserAdminContext }) {
  const { data, error, isPending, refetch, isRefetching } = useUsers();

  let body;
  if (isPending) body = <UsersSkeleton />;
  else if (error && !data) {
    body = (
      <div role="alert" className="px-6 py-12 text-center">
        <p className="font-semibold text-danger">Couldn&apos;t load users</p>
        <p className="mt-1 text-muted">{errorMessage(error)}</p>
        {!(error instanceof ApiRequestError && error.status < 500) && (
          <Button className="mt-4" onClick={() => refetch()} disabled={isRefetching}>
            Try again
          </Button>
        )}
      </div>
    );
  } else if (data?.items.length === 0) {
    body = (
      <div className="px-6 py-16 text-center">
        <p className="text-base font-semibold">No users yet</p>
        <p className="mt-2 text-muted">Add the people who should see or run your sites.</p>
      </div>
    );
  } else if (data) body = <UserList users={data.items} context={context} />;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Users</h1>
          <p className="text-muted">
            {data ? `${data.items.length} ${data.items.length === 1 ? "user" : "users"}` : "\u00a0"}
          </p>
        </div>
        <AddUserDialog context={context} />
      </div>
      <Card className="overflow-hidden">{body}</Card>
    </div>
  );
}

function UsersSkeleton() {
  return (
    <div role="status" aria-label="Loading users" className="divide-y divide-border">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 px-4 py-3.5">
          <div className="flex-1 space-y-1.5">
            <Skeleton className="h-3.5 w-40 max-w-full" />
            <Skeleton className="h-3 w-56 max-w-full" />
          </div>
          <Skeleton className="hidden h-5 w-32 rounded-full sm:block" />
          <Skeleton className="hidden h-7 w-48 md:block" />
        </div>
      ))}
    </div>
  );
}
