import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { currentViewer } from "@/lib/server/auth/viewer";
import { getDb } from "@/lib/server/db/client";
import { listVisibleSites } from "@/lib/server/db/queries/sites";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const viewer = await currentViewer();
  if (!viewer || !canAnywhere(viewer, "webhook.manage")) notFound();
  const sites = await listVisibleSites(getDb().orm, scopeFor(viewer, "webhook.manage"));
  return <WebhooksView sites={sites.map(({ slug, name }) => ({ slug, name }))} />;
}
