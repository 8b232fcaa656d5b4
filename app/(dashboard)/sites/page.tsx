import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AutoRefresh } from "@/components/sites/auto-refresh";
import { SiteCard } from "@/components/sites/site-card";
import { scopeFor } from "@/lib/server/auth/permissions";
import { currentViewer } from "@/lib/server/auth/viewer";
import { getDb } from "@/lib/server/db/client";
import { devicesBySite } from "@/lib/server/db/queries/devices";
import { siteSummaries, toSiteView } from "@/lib/server/db/queries/sites";

export const metadata: Metadata = { title: "Sites" };
export const dynamic = "force-dynamic";

const DEVICES_PER_SITE = 12;

/** Every site the viewer can see, with its devices and their state; refreshed every 30 s. */
export default async function SitesPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/login");
  const { sql } = getDb();
  const scope = scopeFor(viewer, "device.read");
  const [sites, devices] = await Promise.all([
    siteSummaries(sql, scope),
    devicesBySite(sql, scope, DEVICES_PER_SITE),
  ]);
  return (
    <div className="space-y-6">
      <AutoRefresh everyMs={30_000} />
      <div>
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">Sites</h1>
        <p className="mt-0.5 text-muted">Each site with its devices; offline ones first.</p>
      </div>
      {sites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-6 py-12 text-center text-muted">
          You don&apos;t have access to any site yet. An admin can add you to one.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {sites.map((site) => (
            <SiteCard key={site.slug} site={toSiteView(site)} devices={devices.get(site.slug) ?? []} />
          ))}
        </div>
      )}
    </div>
  );
}
