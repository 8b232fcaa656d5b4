"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import type { SiteView } from "@/lib/server/db/queries/sites";
import type { PageView } from "@/lib/server/http/page";
import type { DeviceTypeView } from "@/lib/server/db/queries/device-types";
import type { WebhookView } from "@/lib/server/db/queries/webhooks-admin";

/** The pickers' options change rarely: a minute of staleness is fine. */
const STALE_MS = 60_000;

export function useSites() {
  return useQuery({
    queryKey: queryKeys.sites(),
    queryFn: ({ signal }) => fetchJson<{ items: SiteView[] }>("/api/sites", { signal }),
    staleTime: STALE_MS,
    select: (d) => d.items,
  });
}

export function useDeviceTypes() {
  return useQuery({
    queryKey: queryKeys.deviceTypes(),
    queryFn: ({ signal }) => fetchJson<{ items: DeviceTypeView[] }>("/api/device-types", { signal }),
    staleTime: STALE_MS,
    select: (d) => d.items,
  });
}

/** Up to 200 devices (the API's page limit), of one site or of every visible one, by name. */
export function useSiteDevices(site: string, { enabled = true } = {}) {
  const qs = new URLSearchParams({ pageSize: "200", sort: "name", ...(site ? { site } : {}) });
  return useQuery({
    queryKey: queryKeys.devices({ picker: site }),
    queryFn: ({ signal }) => fetchJson<PageView<DeviceView>>(`/api/devices?${qs}`, { signal }),
    staleTime: STALE_MS,
    select: (d) => d.items,
    enabled,
  });
}

/** One device (its site and its type's metrics), for a rule on that device. */
export function useDevice(key: string) {
  return useQuery({
    queryKey: queryKeys.device(key),
    queryFn: ({ signal }) => fetchJson<DeviceView>(`/api/devices/${encodeURIComponent(key)}`, { signal }),
    staleTime: STALE_MS,
    enabled: key !== "",
  });
}

export type WebhookOption = Pick<WebhookView, "id" | "name" | "site" | "state">;

/** The endpoints a rule may notify: GET /api/webhooks lists those of the sites the caller administers (none for operators). */
export function useWebhooks({ enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.webhookOptions(),
    queryFn: ({ signal }) => fetchJson<{ items: WebhookOption[] }>("/api/webhooks", { signal }),
    staleTime: STALE_MS,
    select: (d) => d.items,
    enabled,
  });
}
