"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import type { CreatedDeviceView } from "@/lib/server/devices/view";
import type { DeviceCredentialsView } from "@/lib/server/http/device-credentials";
import type { DeviceFields } from "./types";

const path = (key: string) => `/api/devices/${encodeURIComponent(key)}`;

/** Every provisioning change refreshes the fleet lists and the device itself. */
function useRefresh() {
  const client = useQueryClient();
  return (key?: string) => {
    void client.invalidateQueries({ queryKey: queryKeys.devices() });
    if (key) void client.invalidateQueries({ queryKey: queryKeys.device(key) });
  };
}

export function useCreateDevice() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (fields: DeviceFields) => sendJson<CreatedDeviceView>("/api/devices", "POST", fields),
    onSuccess: () => refresh(),
  });
}

export function useUpdateDevice(key: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (changes: Partial<DeviceFields> & { disabled?: boolean }) =>
      sendJson<DeviceView>(path(key), "PATCH", changes),
    onSettled: () => refresh(key),
  });
}

export function useRotateToken(key: string) {
  return useMutation({
    mutationFn: () => sendJson<{ credentials: DeviceCredentialsView }>(`${path(key)}/token`, "POST"),
  });
}

export function useDeleteDevice(key: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (data: "keep" | "drop") => sendJson<null>(`${path(key)}?data=${data}`, "DELETE"),
    onSuccess: () => refresh(key),
  });
}
