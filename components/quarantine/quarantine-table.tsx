"use client";

import Link from "next/link";
import { CARD_CELL, CardTableHead, LocalMoment, CARD_TABLE, CARD_BODY, CARD_ROW } from "../ui/card-table";
import { Badge } from "../ui/badge";
import { PayloadPreview } from "./payload-preview";
import { ReplayButton } from "./replay-button";
import type { QuarantineItemView } from "@/lib/server/quarantine/view";
import { reasonLabel } from "./reason-labels";

const HEADERS = ["Received", "Device", "Reason", "Message", ""];

/** Quarantined messages, newest first: why each was refused and what it said, byte for byte. */
export function QuarantineTable({
  items,
  canReplay,
  onReplayed,
}: {
  items: QuarantineItemView[];
  canReplay: boolean;
  onReplayed: (id: number, readings: number) => void;
}) {
  return (
    <table className={CARD_TABLE}>
      <CardTableHead headers={HEADERS} />
      <tbody className={CARD_BODY}>
        {items.map((q) => (
          <tr key={q.id} data-testid="quarantine-row" data-reason={q.reason} className={CARD_ROW}>
            <td data-label="Received" className={`${CARD_CELL} whitespace-nowrap`}>
              <LocalMoment iso={q.receivedAt} />
            </td>
            <td data-label="Device" className={`${CARD_CELL} [overflow-wrap:anywhere] lg:min-w-36`}>
              <DeviceCell item={q} />
            </td>
            <td data-label="Reason" className={`${CARD_CELL} whitespace-nowrap`}>
              <Badge tone={q.reason === "internal_error" ? "danger" : "neutral"}>
                {reasonLabel(q.reason)}
              </Badge>
            </td>
            <td data-label="Message" className={`${CARD_CELL} min-w-0 lg:w-full`}>
              <div className="min-w-0 space-y-1.5">
                {q.detail && <p className="[overflow-wrap:anywhere]">{q.detail}</p>}
                <p className="font-mono text-xs text-muted [overflow-wrap:anywhere]">{q.topic}</p>
                <PayloadPreview item={q} />
              </div>
            </td>
            {/* A topic never changes, so a bad_topic message can never go through, nor can a payload
                of which only the first bytes are kept: no Replay. */}
            <td className={`${CARD_CELL} whitespace-nowrap lg:text-right`}>
              {q.replayedAt ? (
                <Badge tone="ok">Replayed</Badge>
              ) : canReplay && q.reason !== "bad_topic" && !q.payloadCut ? (
                <ReplayButton id={q.id} onReplayed={(readings) => onReplayed(q.id, readings)} />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeviceCell({ item }: { item: QuarantineItemView }) {
  if (!item.deviceKey) return <span className="text-muted">—</span>;
  if (!item.deviceName) {
    return (
      <span className="flex flex-col">
        <span className="font-mono text-xs">{item.deviceKey}</span>
        <span className="text-xs text-muted">not provisioned</span>
      </span>
    );
  }
  return (
    <span className="flex flex-col">
      <Link href={`/devices/${item.deviceKey}`} className="font-medium text-accent hover:underline">
        {item.deviceName}
      </Link>
      <span className="font-mono text-xs text-muted">{item.deviceKey}</span>
    </span>
  );
}
