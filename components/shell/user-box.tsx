"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button, Spinner } from "../ui/button";

export interface ShellUser {
  name: string;
  email: string;
}

/** Who is signed in, and the way out. */
export function UserBox({ user }: { user: ShellUser }) {
  const [pending, setPending] = useState(false);
  const initials = user.name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]?.toUpperCase()).join("") || "?";
  return (
    <div className="space-y-3">
      <div className="flex min-w-0 items-center gap-2.5">
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold dark:bg-zinc-800">
          {initials}
        </span>
        <div className="min-w-0">
          <p className="truncate font-medium">{user.name}</p>
          <p className="truncate text-xs text-muted">{user.email}</p>
        </div>
      </div>
      <Button
        className="w-full"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
      >
        {pending && <Spinner />}
        Sign out
      </Button>
    </div>
  );
}
