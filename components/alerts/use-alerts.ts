"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { AlertView } from "./types";

/**
 * Until every view opens a live stream that carries `alert` events, lists ask again every 10 s:
 * an alert shows within seconds of firing without a stream per device.
 */
export const ALERTS_REFRESH_MS = 10_000;

export function useAlerts(
  params: Record<string, string | number | undefined>,
  { enabled = true, key }: { enabled?: boolean; key?: readonly unknown[] } = {},
) {
  const qs = new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "")
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return useQuery({
    queryKey: key ?? queryKeys.alerts(qs),
    queryFn: ({ signal }) => fetchJson<{ items: AlertView[] }>(`/api/alerts?${qs}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: ALERTS_REFRESH_MS,
    enabled,
  });
}

/** Acknowledge with an optional comment; every alert list and count asks again after it. */
export function useAcknowledge(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) =>
      sendJson<null>(`/api/alerts/${id}/ack`, "POST", comment.trim() ? { comment: comment.trim() } : {}),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.alerts() }),
        qc.invalidateQueries({ queryKey: queryKeys.overview() }),
      ]),
  });
}
