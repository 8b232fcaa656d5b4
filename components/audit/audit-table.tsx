import { CARD_CELL, CardTableHead, LocalMoment, CARD_TABLE, CARD_BODY, CARD_ROW } from "../ui/card-table";
import type { AuditEntryView } from "@/lib/server/db/queries/audit-log";
import { formatDetails, formatTarget } from "./audit-format";

const HEADERS = ["Time", "Actor", "Action", "Target", "Site", "IP", "Details"];
const WRAP = "[overflow-wrap:anywhere]";

/** Audit entries, newest first. Empty cells stay empty rather than saying "none". */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <table className={CARD_TABLE}>
      <CardTableHead headers={HEADERS} />
      <tbody className={CARD_BODY}>
        {entries.map((e) => (
          <tr key={e.id} data-testid="audit-row" data-action={e.action} className={CARD_ROW}>
            <td data-label="Time" className={`${CARD_CELL} whitespace-nowrap`}>
              <LocalMoment iso={e.at} />
            </td>
            <td data-label="Actor" className={`${CARD_CELL} break-words max-lg:[overflow-wrap:anywhere]`}>
              {e.actor}
            </td>
            <td data-label="Action" className={`${CARD_CELL} whitespace-nowrap`}>
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
                {e.action}
              </code>
            </td>
            <td
              data-label="Target"
              className={`${CARD_CELL} break-words max-lg:[overflow-wrap:anywhere] lg:min-w-40`}
            >
              {formatTarget(e)}
            </td>
            <td data-label="Site" className={CARD_CELL}>
              {e.site ?? ""}
            </td>
            <td data-label="IP" className={`${CARD_CELL} ${WRAP} font-mono text-xs lg:min-w-36`}>
              {e.ip ?? ""}
            </td>
            <td
              data-label="Details"
              className={`${CARD_CELL} ${WRAP} font-mono text-xs text-muted lg:min-w-56`}
            >
              {formatDetails(e.details)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
