"use client";

import { useRef, type ReactNode } from "react";
import { ApiRequestError, errorMessage } from "../api/fetch-json";
import type { SiteOption } from "../api/types";
import { Card } from "../ui/card";
import { NoMatches } from "../ui/no-matches";
import { useMediaQuery } from "../ui/use-media-query";
import { DeviceFilters } from "./device-filters";
import { DeviceListCards } from "./device-list-cards";
import { DeviceListTable } from "./device-list-table";
import { EmptyFleet, ListError, ListSkeleton } from "./list-states";
import { Pagination } from "./pagination";
import { PAGE_SIZE, useDeviceFilters } from "./use-device-filters";
import { useDeviceList } from "./use-device-list";

/** The fleet: filters, then a table (desktop) or cards (phone) of devices with their status and key values. `actions`: admins' buttons; `aside`: admins' panels above the list. */
export function DeviceTable({
  sites,
  types,
  actions,
  aside,
}: {
  sites: SiteOption[];
  types: SiteOption[];
  actions?: ReactNode;
  aside?: ReactNode;
}) {
  const { filters, update, active } = useDeviceFilters();
  const { data, error, isPending, isPlaceholderData } = useDeviceList(filters);
  const wide = useMediaQuery("(min-width: 768px)");
  // The search box is uncontrolled (it runs ahead of the URL while typing); "Clear filters" empties it directly.
  const searchRef = useRef<HTMLInputElement>(null);

  const clear = () => {
    if (searchRef.current) searchRef.current.value = "";
    update({ q: "", site: "", type: "", status: "" });
  };

  let body;
  if (isPending) body = <ListSkeleton />;
  else if (error && !data)
    body = (
      <ListError
        message={errorMessage(error)}
        unauthenticated={error instanceof ApiRequestError && error.status === 401}
      />
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
      <NoMatches title="No devices match these filters" action="Clear filters" onAction={clear} />
    ) : (
      <EmptyFleet />
    );
  else if (data)
    body = wide ? (
      <DeviceListTable devices={data.items} sort={filters.sort} onSort={(sort) => update({ sort })} />
    ) : (
      <DeviceListCards devices={data.items} />
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Devices</h1>
          <p className="text-muted">
            {data
              ? `${data.total} ${data.total === 1 ? "device" : "devices"}${active ? (data.total === 1 ? " matches" : " match") : ""}`
              : "\u00a0"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {error && data && <p className="text-xs text-danger">Refresh failed: {errorMessage(error)}</p>}
          {actions}
        </div>
      </div>
      {aside}
      <DeviceFilters searchRef={searchRef} filters={filters} sites={sites} types={types} onChange={update} />
      <Card className={`overflow-hidden transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`}>
        <div className="overflow-x-auto">{body}</div>
        {data && data.total > PAGE_SIZE && (
          <Pagination
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onPage={(page) => update({ page })}
          />
        )}
      </Card>
    </div>
  );
}
