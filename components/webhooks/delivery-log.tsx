"use client";

import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { RelativeTime } from "../ui/relative-time";
import { Skeleton } from "../ui/skeleton";
import { useNow } from "../ui/use-now";
import type { DeliveryView } from "@/lib/server/db/queries/webhook-deliveries";
import { describeAttempt, formatIn } from "./types";
import { useDeliveries, useRedeliver } from "./use-webhooks";

const STATUS_TONE = { delivered: "ok", pending: "accent", failed: "danger" } as const;

/** An endpoint's recent deliveries: status, last answer, attempts, next retry, and Redeliver. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { data, error, isPending } = useDeliveries(webhookId);
  if (isPending) return <Skeleton className="h-16 w-full" />;
  if (error) return <Notice>{errorMessage(error)}</Notice>;
  if (data.items.length === 0)
    return (
      <p className="py-3 text-muted">
        No deliveries yet. Alerts of the rules that name this endpoint show here.
      </p>
    );
  return (
    <ul className="divide-y divide-border rounded-md border border-border" aria-label="Deliveries">
      {data.items.map((d) => (
        <DeliveryRow key={d.id} delivery={d} />
      ))}
    </ul>
  );
}

function DeliveryRow({ delivery: d }: { delivery: DeliveryView }) {
  const redeliver = useRedeliver();
  const [open, setOpen] = useState(false);
  const now = useNow();
  return (
    <li className="space-y-2 px-3 py-2.5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone={STATUS_TONE[d.status]}>
          {d.status === "failed" ? "failed (dead letter)" : d.status}
        </Badge>
        <span className="font-medium">{d.eventType}</span>
        <RelativeTime value={d.createdAt} className="text-xs text-muted" />
        <span className="text-xs text-muted">
          {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
          {d.attempts > 0 &&
            ` · last ${describeAttempt({ statusCode: d.lastStatusCode, durationMs: d.lastDurationMs, error: d.lastError })}`}
          {d.nextAttemptAt && now > 0 && ` · next retry ${formatIn(Date.parse(d.nextAttemptAt) - now)}`}
        </span>
        <div className="ml-auto flex gap-2">
          <Button
            variant="ghost"
            className="!px-2 !py-1 text-xs"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
          >
            {open ? "Hide" : "Attempts"}
          </Button>
          <Button
            className="!px-2 !py-1 text-xs"
            onClick={() => redeliver.mutate(d.id)}
            busy={redeliver.isPending}
          >
            Redeliver
          </Button>
        </div>
      </div>
      {redeliver.data && (
        <p className="text-xs text-muted" aria-live="polite">
          Redelivered: {describeAttempt(redeliver.data)}
        </p>
      )}
      {redeliver.error && <Notice>{errorMessage(redeliver.error)}</Notice>}
      {open && (
        <div className="space-y-1 text-xs">
          <p className="font-mono break-all text-muted">webhook-id: {d.messageId}</p>
          <ol className="space-y-0.5">
            {d.log.map((a) => (
              <li key={a.attemptedAt} className="flex gap-3">
                <RelativeTime value={a.attemptedAt} className="w-20 shrink-0 text-muted" />
                <span
                  className={
                    a.statusCode !== null && a.statusCode < 300
                      ? "text-green-700 dark:text-green-400"
                      : "text-danger"
                  }
                >
                  {describeAttempt(a)}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}
