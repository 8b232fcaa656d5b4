"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import type { AuditEntryView } from "@/lib/server/db/queries/audit-log";
import type { PageView } from "@/lib/server/http/page";
import { errorMessage, fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { NoMatches } from "../ui/no-matches";
import { Pagination } from "../devices/pagination";
import { Card } from "../ui/card";
import { Skeleton } from "../ui/skeleton";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { AUDIT_PAGE_SIZE, auditQueryString, useAuditFilters } from "./use-audit-filters";

/** Who did what, when and from where: filters in the URL, the entries a page at a time. */
export function AuditView() {
  const { filters, update, active } = useAuditFilters();
  const qs = auditQueryString(filters);
  const { data, error, isPending, isPlaceholderData } = useQuery({
    queryKey: queryKeys.audit(qs),
    queryFn: () => fetchJson<PageView<AuditEntryView>>(`/api/audit?${qs}`),
    placeholderData: keepPreviousData,
  });
  const actorRef = useRef<HTMLInputElement>(null);
  const clear = () => {
    if (actorRef.current) actorRef.current.value = "";
    update({ action: "", actor: "", from: "", to: "" });
  };

  let body;
  if (isPending)
    body = (
      <div role="status" aria-label="Loading audit log" className="space-y-3 p-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-5" />
        ))}
      </div>
    );
  else if (error && !data)
    body = (
      <p role="alert" className="px-6 py-12 text-center text-danger">
        Couldn&apos;t load the audit log: {errorMessage(error)}
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
      <NoMatches title="No entries match these filters" action="Clear filters" onAction={clear} />
    ) : (
      <p className="px-6 py-16 text-center text-muted">Nothing has been recorded here yet.</p>
    );
  else if (data) body = <AuditTable entries={data.items} />;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-muted">
          {data
            ? `${data.total} ${data.total === 1 ? "entry" : "entries"}${active ? " match" : ""}`
            : "\u00a0"}
        </p>
      </div>
      <AuditFilters actorRef={actorRef} filters={filters} onChange={update} />
      <Card className={`overflow-hidden transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`}>
        <div className="overflow-x-auto">{body}</div>
        {data && data.total > AUDIT_PAGE_SIZE && (
          <Pagination
            page={filters.page}
            pageSize={AUDIT_PAGE_SIZE}
            total={data.total}
            onPage={(page) => update({ page })}
          />
        )}
      </Card>
    </div>
  );
}
