"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AlertRuleInput } from "@/lib/domain/alerts/rule-input";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { AlertRuleView } from "./types";

/** Every rule the caller can see (the device page and the charts read the same cache). */
export function useRules({ enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.alertRules(),
    queryFn: ({ signal }) => fetchJson<{ items: AlertRuleView[] }>("/api/alert-rules", { signal }),
    select: (d) => d.items,
    staleTime: 30_000,
    enabled,
  });
}

/** Create (no id) or change a rule; the list reloads either way, so it shows what the server kept. */
export function useSaveRule(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertRuleInput) =>
      id
        ? sendJson<AlertRuleView>(`/api/alert-rules/${id}`, "PATCH", input)
        : sendJson<AlertRuleView>("/api/alert-rules", "POST", input),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.alertRules() }),
  });
}

/** Enable or disable in place: the toggle flips at once and flips back if the server refuses. */
export function useToggleRule(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => sendJson<AlertRuleView>(`/api/alert-rules/${id}`, "PATCH", { enabled }),
    onMutate: async (enabled) => {
      await qc.cancelQueries({ queryKey: queryKeys.alertRules() });
      const before = qc.getQueryData<{ items: AlertRuleView[] }>(queryKeys.alertRules());
      qc.setQueryData<{ items: AlertRuleView[] }>(
        queryKeys.alertRules(),
        (d) => d && { items: d.items.map((r) => (r.id === id ? { ...r, enabled } : r)) },
      );
      return { before };
    },
    onError: (_e, _v, ctx) => qc.setQueryData(queryKeys.alertRules(), ctx?.before),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.alertRules() }),
  });
}

export function useDeleteRule(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<null>(`/api/alert-rules/${id}`, "DELETE"),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.alertRules() }),
        qc.invalidateQueries({ queryKey: queryKeys.alerts() }),
      ]),
  });
}
