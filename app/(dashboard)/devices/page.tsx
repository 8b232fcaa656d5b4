import type { Metadata } from "next";
import { Suspense } from "react";
import { DeviceTable } from "@/components/devices/device-table";
import { ListSkeleton } from "@/components/devices/list-states";
import { currentViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { listVisibleSites } from "@/lib/db/queries/sites";
import { scopeFor } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage() {
  const viewer = await currentViewer();
  const sites = viewer ? await listVisibleSites(getDb().orm, scopeFor(viewer, "device.read")) : [];
  return (
    <Suspense fallback={<ListSkeleton />}>
      <DeviceTable sites={sites} />
    </Suspense>
  );
}
