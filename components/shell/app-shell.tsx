import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "../ui/logo";
import { MobileBar } from "./mobile-bar";
import type { NavPermission } from "./nav-items";
import { NavLinks } from "./nav-links";
import { UserBox, type ShellUser } from "./user-box";

/** Sidebar on desktop, a top bar with a menu on phones; the page scrolls beside it. */
export function AppShell({
  user,
  allowed,
  children,
}: {
  user: ShellUser;
  allowed: NavPermission[];
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh md:pl-60">
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-border bg-surface md:flex">
        <div className="flex h-16 items-center px-5">
          <Link href="/overview" aria-label="Fieldwatch home">
            <Logo />
          </Link>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
          <NavLinks allowed={allowed} />
        </nav>
        <div className="border-t border-border p-4">
          <UserBox user={user} />
        </div>
      </aside>
      <MobileBar user={user} allowed={allowed} />
      <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
    </div>
  );
}
