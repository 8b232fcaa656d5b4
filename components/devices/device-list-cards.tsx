import Link from "next/link";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { RelativeTime } from "../ui/relative-time";
import { StatusDot, STATUS_LABEL } from "../ui/status-dot";
import { KeyMetrics } from "./key-metrics";

/** The fleet as stacked cards, for phones. The whole card is the link. */
export function DeviceListCards({ devices }: { devices: DeviceView[] }) {
  return (
    <ul className="divide-y divide-border">
      {devices.map((d) => (
        <li key={d.key}>
          <Link
            href={`/devices/${encodeURIComponent(d.key)}`}
            className="block px-4 py-3 active:bg-zinc-50 dark:active:bg-zinc-800/40"
          >
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="truncate font-medium">{d.name}</p>
                <p className="truncate font-mono text-xs text-muted">{d.key}</p>
              </div>
              <span className="flex shrink-0 items-center gap-1.5 text-xs text-muted">
                <StatusDot status={d.status} />
                <span className="sr-only">{STATUS_LABEL[d.status]}, last seen</span>
                <RelativeTime value={d.lastSeenAt} />
              </span>
            </div>
            <p className="mt-1 text-xs text-muted">{d.site.name}</p>
            <KeyMetrics device={d} className="mt-2" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
