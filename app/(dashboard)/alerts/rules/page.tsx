import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RulesView } from "@/components/alerts/rules-view";
import { alertingRights } from "@/lib/server/auth/alerting-rights";
import { currentViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "Alert rules" };

export default async function AlertRulesPage() {
  const viewer = await currentViewer();
  if (!viewer) notFound();
  return (
    <Suspense>
      <RulesView rights={await alertingRights(viewer)} />
    </Suspense>
  );
}
