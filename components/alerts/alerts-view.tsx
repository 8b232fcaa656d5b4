"use client";

import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { NoMatches } from "../ui/no-matches";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { Skeleton } from "../ui/skeleton";
import { AlertFilters } from "./alert-filters";
import { AlertTable } from "./alert-table";
import { AlertTabs } from "./alert-tabs";
import { useAlertFilters, type AlertFilters as Filters } from "./use-alert-filters";
import { useAlerts } from "./use-alerts";
import type { AlertingRights } from "./types";

const PAGE = 100;
const MAX = 500;

/** What is firing now and what fired before, filtered by severity, site and device (in the URL). */
export function AlertsView({ rights }: { rights: AlertingRights }) {
  const { filters, update, active } = useAlertFilters();
  const [limit, setLimit] = useState(PAGE);
  const { data, error, isPending, isPlaceholderData } = useAlerts({
    state: filters.state,
    severity: filters.severity,
    site: filters.site,
    device: filters.device,
    limit,
  });
  const canAck = (site: string) => rights.ackSites.includes(site);
  const clear = () => update({ severity: "", site: "", device: "" });

  let body;
  if (isPending)
    body = (
      <div role="status" aria-label="Loading alerts" className="space-y-3 p-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    );
  else if (error && !data)
    body = (
      <p role="alert" className="px-6 py-12 text-center text-danger">
        Couldn&apos;t load alerts: {errorMessage(error)}
      </p>
    );
  else if (data?.items.length === 0)
    body = active ? (
      <NoMatches title="No alerts match these filters" action="Clear filters" onAction={clear} />
    ) : (
      <NoAlerts state={filters.state} canEdit={rights.ruleSites.length > 0} />
    );
  else if (data) body = <AlertTable items={data.items} canAck={canAck} />;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Alerts</h1>
          <p className="text-muted">{data ? summary(data.items.length, filters, limit) : "\u00a0"}</p>
        </div>
        <Link href="/alerts/rules" className={buttonClass("secondary")}>
          Alert rules
        </Link>
      </div>
      <AlertTabs value={filters.state} onChange={(state) => update({ state })} />
      <AlertFilters filters={filters} onChange={update} />
      <Card className={`overflow-hidden transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`}>
        <div className="overflow-x-auto">{body}</div>
        {data && data.items.length >= limit && limit < MAX && (
          <div className="border-t border-border p-3 text-center">
            <Button onClick={() => setLimit((l) => Math.min(MAX, l + PAGE))}>Show more</Button>
          </div>
        )}
      </Card>
    </div>
  );
}

function summary(n: number, f: Filters, limit: number): string {
  const count = n >= limit ? `${n}+` : String(n);
  if (f.state === "active") return n === 0 ? "Nothing firing right now" : `${count} firing now`;
  return `${count} ${n === 1 ? "alert" : "alerts"}, newest first`;
}

function NoAlerts({ state, canEdit }: { state: Filters["state"]; canEdit: boolean }) {
  return (
    <div className="px-6 py-16 text-center">
      <p className="font-medium">{state === "active" ? "No active alerts — all quiet" : "No alerts yet"}</p>
      <p className="mx-auto mt-1 max-w-md text-muted">
        {state === "active"
          ? "When a rule's condition holds, its alert shows here within seconds."
          : "Alerts that fired and cleared are kept here."}{" "}
        {canEdit && (
          <Link href="/alerts/rules" className="text-accent hover:underline">
            Set up alert rules
          </Link>
        )}
      </p>
    </div>
  );
}
