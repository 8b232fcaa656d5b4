import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportView } from "@/components/device-import/import-view";
import { currentViewer } from "@/lib/server/auth/viewer";
import { csvTemplate } from "@/lib/domain/devices/csv-import";
import { provisioningContext } from "@/lib/server/devices/provisioning-context";

export const metadata: Metadata = { title: "Import devices" };

export default async function ImportDevicesPage() {
  const context = await provisioningContext(await currentViewer());
  if (!context) notFound();
  // The template's example row uses one of the admin's own sites, so it imports as it is.
  return <ImportView template={csvTemplate(context.sites[0]?.slug, context.types[0]?.slug)} />;
}
