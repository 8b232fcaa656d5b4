"use client";

import Link from "next/link";
import { useState } from "react";
import { Logo } from "../ui/logo";
import type { NavPermission } from "./nav-items";
import { NavLinks } from "./nav-links";
import { UserBox, type ShellUser } from "./user-box";

/** Below the md breakpoint the sidebar folds into this top bar with a menu button. */
export function MobileBar({ user, allowed }: { user: ShellUser; allowed: NavPermission[] }) {
  const [open, setOpen] = useState(false);
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-surface/95 backdrop-blur md:hidden">
      <div className="flex h-14 items-center justify-between px-4">
        <Link href="/overview" aria-label="Fieldwatch home">
          <Logo />
        </Link>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-menu"
          aria-label={open ? "Close menu" : "Open menu"}
          onClick={() => setOpen((o) => !o)}
          className="rounded-md p-2 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          <svg
            viewBox="0 0 24 24"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            aria-hidden
          >
            <path d={open ? "M6 6l12 12M18 6L6 18" : "M4 7h16M4 12h16M4 17h16"} />
          </svg>
        </button>
      </div>
      {open && (
        <nav id="mobile-menu" aria-label="Main" className="space-y-4 border-t border-border px-4 pb-4 pt-3">
          <NavLinks allowed={allowed} onNavigate={() => setOpen(false)} />
          <div className="border-t border-border pt-4">
            <UserBox user={user} onNavigate={() => setOpen(false)} />
          </div>
        </nav>
      )}
    </header>
  );
}
