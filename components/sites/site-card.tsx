import Link from "next/link";
import type { SiteView } from "@/lib/server/db/queries/sites";
import type { SiteDevice } from "@/lib/server/db/queries/devices";
import { Card } from "../ui/card";
import { RelativeTime } from "../ui/relative-time";
import { StatusDot, STATUS_LABEL } from "../ui/status-dot";
import { StateBar } from "./state-bar";

/** A site, how its devices are doing, and the first of them (offline ones first). */
export function SiteCard({ site, devices }: { site: SiteView; devices: SiteDevice[] }) {
  return (
    <Card id={site.slug} className="scroll-mt-20">
      <div className="space-y-2 border-b border-border px-4 py-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 className="truncate text-base font-semibold">{site.name}</h2>
          <span className="whitespace-nowrap text-xs text-muted">
            {site.devices === 1 ? "1 device" : `${site.devices} devices`}
          </span>
        </div>
        <StateBar site={site} />
      </div>
      {devices.length === 0 ? (
        <p className="px-4 py-6 text-center text-muted">No devices at this site yet.</p>
      ) : (
        <ul className="divide-y divide-border">
          {devices.map((d) => (
            <li key={d.key}>
              <Link
                href={`/devices/${d.key}`}
                className="flex items-center gap-3 px-4 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-900"
              >
                <StatusDot status={d.status} />
                <span className="sr-only">{STATUS_LABEL[d.status]}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{d.name}</span>
                  <span className="block truncate font-mono text-xs text-muted">{d.key}</span>
                </span>
                <span className="whitespace-nowrap text-xs text-muted">
                  <RelativeTime value={d.lastSeenAt} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {site.devices > devices.length && (
        <Link
          href={`/devices?site=${site.slug}`}
          className="block border-t border-border px-4 py-2.5 text-sm font-medium text-accent hover:underline"
        >
          All {site.devices} devices of {site.name} →
        </Link>
      )}
    </Card>
  );
}
