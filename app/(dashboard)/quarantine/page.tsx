import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { QuarantineView } from "@/components/quarantine/quarantine-view";
import { canAnywhere } from "@/lib/server/auth/permissions";
import { currentViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "Quarantine" };

export default async function QuarantinePage() {
  const viewer = await currentViewer();
  if (!viewer || !canAnywhere(viewer, "quarantine.read")) notFound();
  return (
    <Suspense>
      <QuarantineView canReplay={canAnywhere(viewer, "quarantine.replay")} />
    </Suspense>
  );
}
