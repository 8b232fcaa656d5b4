import type { Metadata } from "next";
import { Suspense } from "react";
import { DeviceTable } from "@/components/devices/device-table";
import { ListSkeleton } from "@/components/devices/list-states";
import { siteScope } from "@/lib/auth/access";
import { currentViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { listVisibleSites } from "@/lib/db/queries/sites";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage() {
  const viewer = await currentViewer();
  const sites = viewer ? await listVisibleSites(getDb().orm, siteScope(viewer)) : [];
  return (
    <Suspense fallback={<ListSkeleton />}>
      <DeviceTable sites={sites} />
    </Suspense>
  );
}
