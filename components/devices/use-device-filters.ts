"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { DeviceStatus } from "../api/types";

export const PAGE_SIZE = 25;
export const SORTS = ["name", "-name", "key", "-key", "lastSeen", "-lastSeen", "status", "-status", "site", "-site"] as const;
export type DeviceSort = (typeof SORTS)[number];
const STATUSES: DeviceStatus[] = ["online", "offline", "never"];

export interface DeviceFilters {
  q: string;
  site: string;
  status: DeviceStatus | "";
  page: number;
  sort: DeviceSort;
}

const DEFAULTS: DeviceFilters = { q: "", site: "", status: "", page: 1, sort: "name" };

/** The fleet list's filters, kept in the URL so a filtered view can be bookmarked and shared. */
export function useDeviceFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const filters = useMemo<DeviceFilters>(() => {
    const status = params.get("status") as DeviceStatus | null;
    const sort = params.get("sort") as DeviceSort | null;
    const page = Number.parseInt(params.get("page") ?? "", 10);
    return {
      q: params.get("q") ?? "",
      site: params.get("site") ?? "",
      status: status && STATUSES.includes(status) ? status : "",
      page: Number.isFinite(page) && page > 0 ? page : 1,
      sort: sort && SORTS.includes(sort) ? sort : "name",
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<DeviceFilters>) => {
      const next = new URLSearchParams(params.toString());
      // Narrowing or re-sorting the list starts again at its first page.
      const merged = { ...patch, page: patch.page ?? 1 };
      for (const [name, value] of Object.entries(merged)) {
        if (value === "" || value === DEFAULTS[name as keyof DeviceFilters]) next.delete(name);
        else next.set(name, String(value));
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  const active = filters.q !== "" || filters.site !== "" || filters.status !== "";
  return { filters, update, active };
}

/** The query string the API wants for these filters. */
export function deviceQueryString(f: DeviceFilters): string {
  const qs = new URLSearchParams({ page: String(f.page), pageSize: String(PAGE_SIZE), sort: f.sort });
  if (f.q) qs.set("q", f.q);
  if (f.site) qs.set("site", f.site);
  if (f.status) qs.set("status", f.status);
  return qs.toString();
}
