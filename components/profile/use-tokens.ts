"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { sendJson } from "@/components/api/send-json";
import type { ApiTokenView, CreatedTokenView, TokenScope } from "@/lib/server/db/queries/api-tokens";

const TOKENS_KEY = ["api-tokens"] as const;

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => fetchJson<{ items: ApiTokenView[] }>("/api/tokens"),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: TokenScope; expiresInDays?: number }) =>
      sendJson<CreatedTokenView>("/api/tokens", "POST", body),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<null>(`/api/tokens/${encodeURIComponent(id)}`, "DELETE"),
    onSettled: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export const SCOPE_LABEL: Record<TokenScope, string> = { read: "Read-only", write: "Read-write" };

export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
