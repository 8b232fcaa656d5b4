import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DeviceTable } from "@/components/devices/device-table";
import { ListSkeleton } from "@/components/devices/list-states";
import { AddDeviceDialog } from "@/components/provisioning/add-device-dialog";
import { SeenPanel } from "@/components/seen-devices/seen-panel";
import { buttonClass } from "@/components/ui/button";
import { currentViewer } from "@/lib/server/auth/viewer";
import { getDb } from "@/lib/server/db/client";
import { visibleDeviceTypes } from "@/lib/server/db/queries/devices";
import { listVisibleSites } from "@/lib/server/db/queries/sites";
import { provisioningContext } from "@/lib/server/devices/provisioning-context";
import { scopeFor } from "@/lib/server/auth/permissions";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage() {
  const viewer = await currentViewer();
  const scope = viewer ? scopeFor(viewer, "device.read") : null;
  const [sites, types, provisioning] = await Promise.all([
    scope ? listVisibleSites(getDb().orm, scope) : [],
    scope ? visibleDeviceTypes(getDb().sql, scope) : [],
    provisioningContext(viewer),
  ]);
  return (
    <Suspense fallback={<ListSkeleton />}>
      <DeviceTable
        sites={sites}
        types={types}
        actions={
          provisioning && (
            <>
              <Link href="/devices/import" className={buttonClass("secondary")}>
                Import CSV
              </Link>
              <AddDeviceDialog context={provisioning} />
            </>
          )
        }
        aside={provisioning && <SeenPanel context={provisioning} />}
      />
    </Suspense>
  );
}
