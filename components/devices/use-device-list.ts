"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import type { PageView } from "@/lib/server/http/page";
import { deviceQueryString, type DeviceFilters } from "./use-device-filters";

/** One page of the fleet, refreshed every 5 s; the previous page stays on screen while the next loads. */
export function useDeviceList(filters: DeviceFilters) {
  const qs = deviceQueryString(filters);
  return useQuery({
    queryKey: queryKeys.devices({ qs }),
    queryFn: ({ signal }) => fetchJson<PageView<DeviceView>>(`/api/devices?${qs}`, { signal }),
    refetchInterval: 5_000,
    placeholderData: keepPreviousData,
  });
}
