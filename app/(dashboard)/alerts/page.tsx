import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AlertsView } from "@/components/alerts/alerts-view";
import { alertingRights } from "@/lib/server/auth/alerting-rights";
import { currentViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const viewer = await currentViewer();
  if (!viewer) notFound();
  return (
    <Suspense>
      <AlertsView rights={await alertingRights(viewer)} />
    </Suspense>
  );
}
