import type { ReactNode } from "react";

/** Actions that decide whether a section shows in the menu (the pages check them again themselves). */
export type NavPermission =
  "quarantine.read" | "device.manage" | "user.manage" | "audit.read" | "webhook.manage";

export interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
  /** Shown only to people who may do this on at least one site; absent means everyone. */
  requires?: NavPermission;
  /** A live count beside the label (nav-links.tsx draws it). */
  badge?: "activeAlerts";
}

const icon = (d: string) => (
  <svg
    viewBox="0 0 24 24"
    className="size-4 shrink-0"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
  >
    <path d={d} />
  </svg>
);

/** The app's sections, in menu order. */
export const NAV_ITEMS: NavItem[] = [
  {
    href: "/overview",
    label: "Overview",
    icon: icon("M4 13h6V4H4v9zM14 20h6v-9h-6v9zM4 20h6v-4H4v4zM14 4v4h6V4h-6z"),
  },
  {
    href: "/devices",
    label: "Devices",
    icon: icon("M5 4h14a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM8 20h8M12 16v4"),
  },
  {
    href: "/alerts",
    label: "Alerts",
    badge: "activeAlerts",
    icon: icon("M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"),
  },
  { href: "/sites", label: "Sites", icon: icon("M3 21h18M5 21V8l7-5 7 5v13M9 21v-6h6v6") },
  {
    href: "/quarantine",
    label: "Quarantine",
    requires: "quarantine.read",
    icon: icon("M12 3l8 4v5c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V7l8-4zM12 8v5M12 16h.01"),
  },
  {
    href: "/device-types",
    label: "Device types",
    requires: "device.manage",
    icon: icon("M12 3l8 4.5v9L12 21l-8-4.5v-9L12 3zM12 12l8-4.5M12 12v9M12 12L4 7.5"),
  },
  {
    href: "/users",
    label: "Users",
    requires: "user.manage",
    icon: icon(
      "M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM21 19v-1a4 4 0 0 0-3-3.87M15.5 3.13a3.5 3.5 0 0 1 0 6.74",
    ),
  },
  {
    href: "/webhooks",
    label: "Webhooks",
    requires: "webhook.manage",
    icon: icon(
      "M18 16.98h-5.99c-1.1 0-1.95.94-2.48 1.9A4 4 0 0 1 2 17c.01-.7.2-1.4.57-2M6 17l3.13-5.78c.53-.97.1-2.18-.5-3.1a4 4 0 1 1 6.89-4.06M12 6l3.13 5.73C15.66 12.7 16.9 13 18 13a4 4 0 0 1 0 8",
    ),
  },
  {
    href: "/audit",
    label: "Audit log",
    requires: "audit.read",
    icon: icon(
      "M9 4h6a1 1 0 0 1 1 1v1H8V5a1 1 0 0 1 1-1zM8 5H6a1 1 0 0 0-1 1v13a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1h-2M9 11h6M9 15h4",
    ),
  },
];

/** The sections this person may use. */
export function visibleNavItems(allowed: readonly NavPermission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.requires || allowed.includes(item.requires));
}
