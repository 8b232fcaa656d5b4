"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button } from "../ui/button";

export interface ShellUser {
  name: string;
  email: string;
}

/** Who is signed in (a link to their profile), and the way out. */
export function UserBox({ user, onNavigate }: { user: ShellUser; onNavigate?: () => void }) {
  const [pending, setPending] = useState(false);
  const current = usePathname() === "/profile";
  const initials =
    user.name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join("") || "?";
  return (
    <div className="space-y-3">
      <Link
        href="/profile"
        onClick={onNavigate}
        aria-current={current ? "page" : undefined}
        title="Your profile and API tokens"
        className={`-mx-2 flex min-w-0 items-center gap-2.5 rounded-md px-2 py-1.5 transition hover:bg-zinc-100 dark:hover:bg-zinc-800 ${current ? "bg-accent/10" : ""}`}
      >
        <span className="sr-only">Your profile: </span>
        <span
          aria-hidden
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold dark:bg-zinc-800"
        >
          {initials}
        </span>
        <div className="min-w-0">
          <p className="truncate font-medium">{user.name}</p>
          <p className="truncate text-xs text-muted">{user.email}</p>
        </div>
      </Link>
      <Button
        className="w-full"
        busy={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
      >
        Sign out
      </Button>
    </div>
  );
}
