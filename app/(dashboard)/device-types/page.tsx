import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeviceTypesView } from "@/components/device-types/device-types-view";
import { can, canAnywhere } from "@/lib/server/auth/permissions";
import { currentViewer } from "@/lib/server/auth/viewer";
import { getDb } from "@/lib/server/db/client";
import { listDeviceTypes } from "@/lib/server/db/queries/device-types";

export const metadata: Metadata = { title: "Device types" };
export const dynamic = "force-dynamic";

/** Device types and their metric schemas: site admins read them, global admins edit them. */
export default async function DeviceTypesPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/login");
  if (!canAnywhere(viewer, "device.manage")) redirect("/devices");
  return (
    <DeviceTypesView initial={await listDeviceTypes(getDb().sql)} canEdit={can(viewer, "type.manage", "")} />
  );
}
