import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentViewer } from "@/lib/auth/viewer";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  if (!viewer) redirect("/login");
  return <AppShell user={{ name: viewer.name, email: viewer.email }}>{children}</AppShell>;
}
