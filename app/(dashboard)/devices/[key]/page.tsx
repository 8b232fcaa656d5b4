import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DeviceDetail } from "@/components/devices/device-detail";
import { currentViewer } from "@/lib/server/auth/viewer";
import { getDb } from "@/lib/server/db/client";
import { getDevice } from "@/lib/server/db/queries/devices";
import { can, scopeFor } from "@/lib/server/auth/permissions";
import { provisioningContext } from "@/lib/server/devices/provisioning-context";

type Params = Promise<{ key: string }>;

/** The device if the signed-in user may see it; unknown and not-yours both read as not found. */
const loadDevice = cache(async (rawKey: string) => {
  const viewer = await currentViewer();
  if (!viewer) return null;
  const device = await getDevice(getDb().sql, scopeFor(viewer, "device.read"), rawKey);
  if (!device) return null;
  // Internal ids stay on the server.
  const { id: _id, siteId, ...summary } = device;
  const admin = can(viewer, "device.manage", siteId) ? await provisioningContext(viewer) : null;
  const alerting = {
    canAck: can(viewer, "alert.ack", siteId),
    canEditRules: can(viewer, "rule.edit", siteId),
  };
  return { summary, admin, alerting };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const device = await loadDevice((await params).key);
  return { title: device?.summary.name ?? "Device not found" };
}

export default async function DevicePage({ params }: { params: Params }) {
  const device = await loadDevice((await params).key);
  if (!device) notFound();
  return (
    <DeviceDetail
      key={device.summary.key}
      initial={device.summary}
      admin={device.admin}
      alerting={device.alerting}
    />
  );
}
