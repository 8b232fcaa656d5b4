import Link from "next/link";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { RelativeTime } from "../ui/relative-time";
import { StatusLabel } from "../ui/status-dot";
import { KeyMetrics } from "./key-metrics";
import { SortHeader } from "./sort-header";
import type { DeviceSort } from "./use-device-filters";

interface Props {
  devices: DeviceView[];
  sort: DeviceSort;
  onSort: (sort: DeviceSort) => void;
}

/** The fleet as a table, for screens wide enough to hold one. */
export function DeviceListTable({ devices, sort, onSort }: Props) {
  return (
    <table className="w-full text-sm">
      <thead className="border-b border-border bg-zinc-50 text-xs uppercase tracking-wide text-muted dark:bg-zinc-900">
        <tr>
          <SortHeader field="status" label="Status" sort={sort} onSort={onSort} />
          <SortHeader field="name" label="Device" sort={sort} onSort={onSort} />
          <SortHeader field="site" label="Site" sort={sort} onSort={onSort} />
          <SortHeader field="lastSeen" label="Last seen" sort={sort} onSort={onSort} />
          <th scope="col" className="px-4 py-2.5 text-left font-medium">
            Latest values
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {devices.map((d) => (
          <tr key={d.key} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <td className="px-4 py-3 align-top">
              <StatusLabel status={d.status} />
            </td>
            <td className="px-4 py-3 align-top">
              <Link
                href={`/devices/${encodeURIComponent(d.key)}`}
                className="font-medium text-foreground hover:text-accent hover:underline"
              >
                {d.name}
              </Link>
              <div className="font-mono text-xs text-muted">{d.key}</div>
            </td>
            <td className="px-4 py-3 align-top">{d.site.name}</td>
            <td className="whitespace-nowrap px-4 py-3 align-top text-muted">
              <RelativeTime value={d.lastSeenAt} />
            </td>
            <td className="px-4 py-3 align-top">
              <KeyMetrics device={d} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
