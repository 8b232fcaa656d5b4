import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import type { NavPermission } from "@/components/shell/nav-items";
import { canAnywhere } from "@/lib/server/auth/permissions";
import { currentViewer } from "@/lib/server/auth/viewer";

const NAV_PERMISSIONS: NavPermission[] = [
  "quarantine.read",
  "device.manage",
  "user.manage",
  "audit.read",
  "webhook.manage",
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  if (!viewer) redirect("/login");
  const allowed = NAV_PERMISSIONS.filter((action) => canAnywhere(viewer, action));
  return (
    <AppShell user={{ name: viewer.name, email: viewer.email }} allowed={allowed}>
      {children}
    </AppShell>
  );
}
