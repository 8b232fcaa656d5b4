"use client";

import { pageParam, useUrlFilters } from "../ui/use-url-filters";
import type { DeviceStatus } from "@/lib/server/db/queries/devices";

export const PAGE_SIZE = 25;
export const SORTS = [
  "name",
  "-name",
  "key",
  "-key",
  "lastSeen",
  "-lastSeen",
  "status",
  "-status",
  "site",
  "-site",
] as const;
export type DeviceSort = (typeof SORTS)[number];
const STATUSES: DeviceStatus[] = ["online", "offline", "never"];

export interface DeviceFilters {
  q: string;
  site: string;
  type: string;
  status: DeviceStatus | "";
  page: number;
  sort: DeviceSort;
}

const DEFAULTS: DeviceFilters = { q: "", site: "", type: "", status: "", page: 1, sort: "name" };

function parse(params: URLSearchParams): DeviceFilters {
  const status = params.get("status") as DeviceStatus | null;
  const sort = params.get("sort") as DeviceSort | null;
  return {
    q: params.get("q") ?? "",
    site: params.get("site") ?? "",
    type: params.get("type") ?? "",
    status: status && STATUSES.includes(status) ? status : "",
    page: pageParam(params),
    sort: sort && SORTS.includes(sort) ? sort : "name",
  };
}

/** The fleet list's filters, kept in the URL. Narrowing or re-sorting starts at the first page. */
export function useDeviceFilters() {
  const { filters, update } = useUrlFilters(parse, DEFAULTS);
  const active = filters.q !== "" || filters.site !== "" || filters.type !== "" || filters.status !== "";
  return { filters, update, active };
}

/** The query string the API wants for these filters. */
export function deviceQueryString(f: DeviceFilters): string {
  const qs = new URLSearchParams({ page: String(f.page), pageSize: String(PAGE_SIZE), sort: f.sort });
  if (f.q) qs.set("q", f.q);
  if (f.site) qs.set("site", f.site);
  if (f.type) qs.set("type", f.type);
  if (f.status) qs.set("status", f.status);
  return qs.toString();
}
