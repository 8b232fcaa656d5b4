"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { DeviceSummary } from "../api/types";
import type { DeviceCredentials } from "../provisioning/types";

/** A key heard from but not provisioned (GET /api/devices/unprovisioned). */
export interface SeenKey {
  key: string;
  messages: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface ProvisionedSeen {
  device: DeviceSummary | null;
  credentials: DeviceCredentials;
  replayed: number;
  rejected: number;
  remaining: number;
}

// New keys turn up while an installer powers sensors on: look again every half minute.
export function useSeenDevices() {
  return useQuery({
    queryKey: queryKeys.unprovisionedDevices(),
    queryFn: () => fetchJson<{ items: SeenKey[]; total: number }>("/api/devices/unprovisioned"),
    refetchInterval: 30_000,
  });
}

export function useProvisionSeen(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: { name: string; site: string; type: string | null }) =>
      sendJson<ProvisionedSeen>(
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
