"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "@/components/api/send-json";

export type TokenScope = "read" | "write";

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

/** What POST /api/tokens answers: the token's row and, this once, its secret. */
export type CreatedToken = Omit<ApiToken, "lastUsedAt"> & { token: string };

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.apiTokens(),
    queryFn: () => fetchJson<{ items: ApiToken[] }>("/api/tokens"),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: TokenScope; expiresInDays?: number }) =>
      sendJson<CreatedToken>("/api/tokens", "POST", body),
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
