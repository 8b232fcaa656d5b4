"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { DeliveryView } from "@/lib/server/db/queries/webhook-deliveries";
import type { CreatedWebhookView, WebhookView } from "@/lib/server/db/queries/webhooks-admin";
import type { AttemptView } from "@/lib/server/webhooks/view";

const url = (id: string, rest = "") => `/api/webhooks/${encodeURIComponent(id)}${rest}`;

export function useWebhooks() {
  return useQuery({
    queryKey: queryKeys.webhooks(),
    queryFn: () => fetchJson<{ items: WebhookView[] }>("/api/webhooks"),
    refetchInterval: 15_000,
  });
}

/** An endpoint's delivery log, refreshed while open (retries move on their own). */
export function useDeliveries(id: string) {
  return useQuery({
    queryKey: queryKeys.webhookDeliveries(id),
    queryFn: () => fetchJson<{ items: DeliveryView[] }>(url(id, "/deliveries")),
    refetchInterval: 10_000,
  });
}

/** Any change refreshes the list and the logs (state, counts, attempts). */
function useWebhookMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.webhooks() }),
  });
}

export const useCreateWebhook = () =>
  useWebhookMutation((w: { name: string; url: string; site: string }) =>
    sendJson<CreatedWebhookView>("/api/webhooks", "POST", w),
  );

export const useUpdateWebhook = (id: string) =>
  useWebhookMutation((patch: { name?: string; url?: string; enabled?: boolean; paused?: false }) =>
    sendJson<WebhookView>(url(id), "PATCH", patch),
  );

export const useDeleteWebhook = (id: string) => useWebhookMutation(() => sendJson<null>(url(id), "DELETE"));

export const useTestWebhook = (id: string) =>
  useWebhookMutation(() => sendJson<AttemptView>(url(id, "/test"), "POST", {}));

export const useRedeliver = () =>
  useWebhookMutation((deliveryId: string) =>
    sendJson<AttemptView>(`/api/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, "POST", {}),
  );

export const fetchSecret = (id: string) => fetchJson<{ secret: string }>(url(id, "/secret"));
