"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "@/components/api/send-json";
import type { ApiTokenView, CreatedTokenView, TokenScope } from "@/lib/server/db/queries/api-tokens";

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.apiTokens(),
    queryFn: () => fetchJson<{ items: ApiTokenView[] }>("/api/tokens"),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: TokenScope; expiresInDays?: number }) =>
      sendJson<CreatedTokenView>("/api/tokens", "POST", body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiTokens() }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<null>(`/api/tokens/${encodeURIComponent(id)}`, "DELETE"),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.apiTokens() }),
  });
}

export const SCOPE_LABEL: Record<TokenScope, string> = { read: "Read-only", write: "Read-write" };

export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
