"use client";

import Link from "next/link";
import { formatValue } from "../ui/format";
import { CARD_CELL, CardTableHead, CARD_TABLE, CARD_BODY, CARD_ROW } from "../ui/card-table";
import { RelativeTime } from "../ui/relative-time";
import { AckButton } from "./ack-dialog";
import { SeverityBadge } from "./severity-badge";
import type { AlertView } from "./types";

const HEADERS = ["Severity", "Rule", "Device", "Started", "Value", "Resolved", "Acknowledged", ""];

/** Alerts, newest first: a table on wide screens, a card per alert on phones. */
export function AlertTable({ items, canAck }: { items: AlertView[]; canAck: (site: string) => boolean }) {
  return (
    <table className={CARD_TABLE}>
      <CardTableHead headers={HEADERS} />
      <tbody className={CARD_BODY}>
        {items.map((a) => (
          <tr key={a.id} data-testid="alert-row" data-state={a.state} className={CARD_ROW}>
            <td data-label="Severity" className={`${CARD_CELL} whitespace-nowrap`}>
              <SeverityBadge severity={a.severity} />
            </td>
            <td data-label="Rule" className={`${CARD_CELL} font-medium [overflow-wrap:anywhere] lg:min-w-40`}>
              {a.rule.name}
            </td>
            <td data-label="Device" className={`${CARD_CELL} [overflow-wrap:anywhere] lg:min-w-36`}>
              <span className="flex flex-col">
                <Link
                  href={`/devices/${encodeURIComponent(a.device.key)}`}
                  className="font-medium text-accent hover:underline"
                >
                  {a.device.name}
                </Link>
                <span className="text-xs text-muted">{a.site.name}</span>
              </span>
            </td>
            <td data-label="Started" className={`${CARD_CELL} whitespace-nowrap`}>
              <RelativeTime value={a.startedAt} />
            </td>
            <td data-label="Value" className={`${CARD_CELL} tabular-nums`}>
              {a.value === null ? <span className="text-muted">—</span> : formatValue(a.value)}
            </td>
            <td data-label="Resolved" className={`${CARD_CELL} whitespace-nowrap`}>
              {a.resolvedAt ? (
                <RelativeTime value={a.resolvedAt} />
              ) : (
                <span className="font-medium text-danger">Firing</span>
              )}
            </td>
            <td data-label="Ack" className={`${CARD_CELL} lg:max-w-64`}>
              <AckCell alert={a} />
            </td>
            <td className={`${CARD_CELL} whitespace-nowrap lg:text-right`}>
              {!a.acknowledged && !a.resolvedAt && canAck(a.site.slug) ? <AckButton alert={a} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AckCell({ alert }: { alert: AlertView }) {
  const ack = alert.acknowledged;
  if (!ack) return <span className="text-muted">—</span>;
  return (
    <span className="flex min-w-0 flex-col">
      <span>
        {ack.by ?? "A removed user"}, <RelativeTime value={ack.at} />
      </span>
      {ack.comment && <span className="text-xs text-muted [overflow-wrap:anywhere]">“{ack.comment}”</span>}
    </span>
  );
}
