"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { NoMatches } from "../ui/no-matches";
import { Pagination } from "../devices/pagination";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Notice } from "../ui/notice";
import { Skeleton } from "../ui/skeleton";
import { QuarantineFilters } from "./quarantine-filters";
import { QuarantineTable } from "./quarantine-table";
import { ReplayAllDialog } from "./replay-all-dialog";
import type { QuarantinePageView } from "@/lib/server/quarantine/view";
import { reasonLabel } from "./reason-labels";
import {
  apiFilter,
  QUARANTINE_PAGE_SIZE,
  quarantineQueryString,
  useQuarantineFilters,
  type QuarantineFilters as Filters,
} from "./use-quarantine-filters";

/** Messages the ingest worker could not use: why, what they said, and replay once fixed. */
export function QuarantineView({ canReplay }: { canReplay: boolean }) {
  const { filters, update, active } = useQuarantineFilters();
  const qs = quarantineQueryString(filters);
  const { data, error, isPending, isPlaceholderData } = useQuery({
    queryKey: queryKeys.quarantine(qs),
    queryFn: () => fetchJson<QuarantinePageView>(`/api/quarantine?${qs}`),
    placeholderData: keepPreviousData,
  });
  const [replayAllOpen, setReplayAllOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const clear = () => update({ device: "", reason: "", from: "", to: "" });
  const pendingTotal = filters.state === "pending" ? (data?.total ?? 0) : 0;

  let body;
  if (isPending)
    body = (
      <div role="status" aria-label="Loading quarantine" className="space-y-3 p-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    );
  else if (error && !data)
    body = (
      <p role="alert" className="px-6 py-12 text-center text-danger">
        Couldn&apos;t load the quarantine: {errorMessage(error)}
      </p>
    );
  else if (data?.items.length === 0 && filters.page > 1)
    body = (
      <NoMatches
        title="This page is empty"
        action="Go to the first page"
        onAction={() => update({ page: 1 })}
      />
    );
  else if (data?.items.length === 0)
    body = active ? (
      <NoMatches title="No messages match these filters" action="Clear filters" onAction={clear} />
    ) : (
      <EmptyQuarantine state={filters.state} />
    );
  else if (data)
    body = (
      <QuarantineTable
        items={data.items}
        canReplay={canReplay}
        onReplayed={(id, n) =>
          setNotice(`Message ${id} replayed: ${n === 1 ? "1 reading" : `${n} readings`} written.`)
        }
      />
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Quarantine</h1>
          <p className="text-muted">{data ? summary(data.total, filters) : "\u00a0"}</p>
        </div>
        {canReplay && pendingTotal > 0 && (
          <Button variant="primary" onClick={() => setReplayAllOpen(true)}>
            Replay {pendingTotal === 1 ? "1 message" : `all ${pendingTotal}`}
          </Button>
        )}
      </div>
      {notice && (
        <Notice tone="ok" className="flex items-center justify-between gap-3">
          {notice}
          <button type="button" className="text-sm underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </Notice>
      )}
      <QuarantineFilters filters={filters} reasons={data?.reasons} onChange={update} />
      <Card className={`overflow-hidden transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`}>
        <div className="overflow-x-auto">{body}</div>
        {data && data.total > QUARANTINE_PAGE_SIZE && (
          <Pagination
            page={filters.page}
            pageSize={QUARANTINE_PAGE_SIZE}
            total={data.total}
            onPage={(page) => update({ page })}
          />
        )}
      </Card>
      <ReplayAllDialog
        open={replayAllOpen}
        onClose={() => setReplayAllOpen(false)}
        filter={apiFilter(filters)}
        total={pendingTotal}
        description={describe(filters)}
      />
    </div>
  );
}

function summary(total: number, f: Filters): string {
  const noun = total === 1 ? "message" : "messages";
  if (f.state === "replayed") return `${total} replayed ${noun}`;
  if (f.state === "all") return `${total} ${noun}`;
  return `${total} ${noun} waiting for a fix`;
}

function describe(f: Filters): string {
  const parts = [f.reason ? reasonLabel(f.reason).toLowerCase() : "every reason"];
  if (f.device) parts.push(`from ${f.device}`);
  if (f.from || f.to) parts.push(`received ${f.from || "…"} to ${f.to || "today"}`);
  return parts.join(", ");
}

function EmptyQuarantine({ state }: { state: Filters["state"] }) {
  return (
    <div className="px-6 py-16 text-center">
      <p className="font-medium">
        {state === "replayed" ? "Nothing has been replayed yet" : "Nothing in quarantine"}
      </p>
      <p className="mt-1 text-muted">
        {state === "replayed"
          ? "Messages you replay from here are kept, marked as replayed."
          : "Every message the devices sent could be used. Malformed payloads, unknown devices and out-of-range values would show up here."}
      </p>
    </div>
  );
}
