import { formatDetails, formatLocalClock, formatLocalDate, formatTarget, type AuditEntry } from "./audit-types";

const HEADERS = ["Time", "Actor", "Action", "Target", "Site", "IP", "Details"];
// On phones each row becomes a card, each cell a "Label value" line.
const CELL = "px-3 py-2.5 align-top max-lg:flex max-lg:gap-2 max-lg:p-0 max-lg:before:w-16 max-lg:before:shrink-0 max-lg:before:text-muted max-lg:before:font-sans max-lg:before:text-sm max-lg:before:content-[attr(data-label)] max-lg:empty:hidden";
const WRAP = "[overflow-wrap:anywhere]";

/** Audit entries, newest first. Empty cells stay empty rather than saying "none". */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className="w-full text-sm max-lg:block">
      <thead className="border-b border-border bg-zinc-50 text-xs uppercase tracking-wide text-muted max-lg:hidden dark:bg-zinc-900">
        <tr>
          {HEADERS.map((h) => (
            <th key={h} scope="col" className="px-3 py-2.5 text-left font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-border max-lg:block">
        {entries.map((e) => (
          <tr key={e.id} data-testid="audit-row" data-action={e.action} className="max-lg:block max-lg:space-y-1 max-lg:px-4 max-lg:py-3">
            <td data-label="Time" className={`${CELL} whitespace-nowrap`}>
              <time dateTime={e.at} className="lg:flex lg:flex-col">
                <span>{formatLocalDate(e.at)}</span>
                <span className="max-lg:before:content-[',_'] lg:text-xs lg:text-muted">{formatLocalClock(e.at)}</span>
              </time>
            </td>
            <td data-label="Actor" className={`${CELL} break-words max-lg:[overflow-wrap:anywhere]`}>
              {e.actor}
            </td>
            <td data-label="Action" className={`${CELL} whitespace-nowrap`}>
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">{e.action}</code>
            </td>
            <td data-label="Target" className={`${CELL} break-words max-lg:[overflow-wrap:anywhere] lg:min-w-40`}>
              {formatTarget(e)}
            </td>
            <td data-label="Site" className={CELL}>
              {e.site ?? ""}
            </td>
            <td data-label="IP" className={`${CELL} ${WRAP} font-mono text-xs lg:min-w-36`}>
              {e.ip ?? ""}
            </td>
            <td data-label="Details" className={`${CELL} ${WRAP} font-mono text-xs text-muted lg:min-w-56`}>
              {formatDetails(e.details)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
