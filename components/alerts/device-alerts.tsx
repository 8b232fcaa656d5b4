"use client";

import Link from "next/link";
import { errorMessage } from "../api/fetch-json";
import { buttonClass } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { formatValue } from "../ui/format";
import { RelativeTime } from "../ui/relative-time";
import { Skeleton } from "../ui/skeleton";
import { AckButton } from "./ack-dialog";
import { SeverityBadge } from "./severity-badge";
import { useAlerts } from "./use-alerts";

interface Props {
  deviceKey: string;
  canAck: boolean;
  canEditRules: boolean;
}

/** The device's firing alerts, above its charts, and "+ Alert rule" (the editor, prefilled with this device) for operators. */
export function DeviceAlerts({ deviceKey, canAck, canEditRules }: Props) {
  const { data, error, isPending } = useAlerts({ device: deviceKey, state: "active", limit: 50 });
  const items = data?.items ?? [];
  const newRule = `/alerts/rules?${new URLSearchParams({ new: "1", device: deviceKey })}`;
  // Nothing firing and nothing to add: keep the page calm, no empty box.
  if (!canEditRules && !isPending && !error && items.length === 0) return null;
  return (
    <section aria-label="Active alerts">
      <Card>
        <CardHeader
          title={items.length > 0 ? `Active alerts (${items.length})` : "Alerts"}
          actions={
            <div className="flex items-center gap-3 text-xs font-medium">
              <Link
                href={`/alerts?state=history&device=${encodeURIComponent(deviceKey)}`}
                className="text-accent hover:underline"
              >
                History
              </Link>
              {canEditRules && (
                <Link href={newRule} className={buttonClass("secondary", "py-1 text-xs")}>
                  + Alert rule
                </Link>
              )}
            </div>
          }
        />
        {isPending ? (
          <div className="p-4">
            <Skeleton className="h-6 w-2/3" />
          </div>
        ) : error && !data ? (
          <p role="alert" className="px-4 py-3 text-danger">
            Couldn&apos;t load alerts: {errorMessage(error)}
          </p>
        ) : items.length === 0 ? (
          <p className="px-4 py-3 text-muted">No active alerts — all quiet.</p>
        ) : (
          <ul className="divide-y divide-border">
            {items.map((a) => (
              <li
                key={a.id}
                data-testid="device-alert"
                className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3"
              >
                <SeverityBadge severity={a.severity} />
                <span className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere]">{a.rule.name}</span>
                <span className="text-muted">
                  {a.value !== null && <span className="tabular-nums">{formatValue(a.value)} · </span>}
                  since <RelativeTime value={a.startedAt} />
                </span>
                {a.acknowledged ? (
                  <span className="w-full text-xs text-muted sm:w-auto">
                    Acknowledged by {a.acknowledged.by ?? "a removed user"}
                    {a.acknowledged.comment ? `: “${a.acknowledged.comment}”` : ""}
                  </span>
                ) : (
                  canAck && <AckButton alert={a} />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
