import type { Metadata } from "next";
import { Suspense } from "react";
import { DeviceTable } from "@/components/devices/device-table";
import { ListSkeleton } from "@/components/devices/list-states";
import { currentViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { visibleDeviceTypes } from "@/lib/db/queries/devices";
import { listVisibleSites } from "@/lib/db/queries/sites";
import { scopeFor } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage() {
  const viewer = await currentViewer();
  const scope = viewer ? scopeFor(viewer, "device.read") : null;
  const [sites, types] = scope ? await Promise.all([listVisibleSites(getDb().orm, scope), visibleDeviceTypes(getDb().sql, scope)]) : [[], []];
  return (
    <Suspense fallback={<ListSkeleton />}>
      <DeviceTable sites={sites} types={types} />
    </Suspense>
  );
}
