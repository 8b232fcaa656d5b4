import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AuditView } from "@/components/audit/audit-view";
import { canAnywhere } from "@/lib/server/auth/permissions";
import { currentViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const viewer = await currentViewer();
  if (!viewer || !canAnywhere(viewer, "audit.read")) notFound();
  return (
    <Suspense>
      <AuditView />
    </Suspense>
  );
}
