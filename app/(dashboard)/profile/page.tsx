import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfileView } from "@/components/profile/profile-view";
import { currentViewer } from "@/lib/server/auth/viewer";
import { getDb } from "@/lib/server/db/client";
import { listVisibleSites } from "@/lib/server/db/queries/sites";
import { scopeFor } from "@/lib/server/auth/permissions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const viewer = await currentViewer();
  if (!viewer) notFound();
  const sites = new Map(
    (await listVisibleSites(getDb().orm, scopeFor(viewer, "device.read"))).map((s) => [s.id, s.name]),
  );
  const roles = viewer.roles
    .map((r) => ({ siteName: sites.get(r.siteId) ?? "Unknown site", role: r.role }))
    .sort((a, b) => a.siteName.localeCompare(b.siteName));
  return <ProfileView profile={{ name: viewer.name, email: viewer.email, isAdmin: viewer.isAdmin, roles }} />;
}
