import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UsersView } from "@/components/users/users-view";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { currentViewer } from "@/lib/server/auth/viewer";
import { getDb } from "@/lib/server/db/client";
import { listVisibleSites } from "@/lib/server/db/queries/sites";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await currentViewer();
  if (!viewer || !canAnywhere(viewer, "user.manage")) notFound();
  const sites = await listVisibleSites(getDb().orm, scopeFor(viewer, "user.manage"));
  return (
    <UsersView
      context={{
        viewerId: viewer.id,
        viewerIsAdmin: viewer.isAdmin,
        sites: sites.map(({ slug, name }) => ({ slug, name })),
      }}
    />
  );
}
