"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ActiveAlertsBadge } from "../alerts/active-alerts-badge";
import { visibleNavItems, type NavPermission } from "./nav-items";

/** The section links this person may use; the current section is highlighted and marked aria-current. */
export function NavLinks({
  allowed,
  onNavigate,
}: {
  allowed: readonly NavPermission[];
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {visibleNavItems(allowed).map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-2.5 rounded-md px-2.5 py-2 font-medium transition ${
                active
                  ? "bg-accent/10 text-accent"
                  : "text-muted hover:bg-zinc-100 hover:text-foreground dark:hover:bg-zinc-800"
              }`}
            >
              {item.icon}
              {item.label}
              {item.badge === "activeAlerts" && <ActiveAlertsBadge />}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
