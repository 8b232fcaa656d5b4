"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { UnprovisionedKeyView } from "@/lib/server/db/queries/unprovisioned";
import type { ProvisionedSeenView } from "@/lib/server/devices/view";

// New keys turn up while an installer powers sensors on: look again every half minute.
export function useSeenDevices() {
  return useQuery({
    queryKey: queryKeys.unprovisionedDevices(),
    queryFn: () => fetchJson<{ items: UnprovisionedKeyView[]; total: number }>("/api/devices/unprovisioned"),
    refetchInterval: 30_000,
  });
}

export function useProvisionSeen(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: { name: string; site: string; type: string | null }) =>
      sendJson<ProvisionedSeenView>(
        `/api/devices/unprovisioned/${encodeURIComponent(key)}/provision`,
        "POST",
        fields,
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.unprovisionedDevices() });
      void client.invalidateQueries({ queryKey: queryKeys.devices() });
    },
  });
}
