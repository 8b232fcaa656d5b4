"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "@/components/api/send-json";
import type { RoleInput } from "@/lib/domain/users/input";
import type { UserResultView, UserView } from "@/lib/server/users/view";

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users(),
    queryFn: () => fetchJson<{ items: UserView[] }>("/api/users"),
  });
}

export interface UserPatch {
  name?: string;
  roles?: RoleInput[];
  disabled?: boolean;
  isAdmin?: boolean;
  resetLink?: true;
}

/** PATCH one user; the list is refreshed afterwards, whatever the outcome. */
export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserPatch) =>
      sendJson<UserResultView>(`/api/users/${encodeURIComponent(id)}`, "PATCH", patch),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}

export interface NewUser {
  email: string;
  name: string;
  password?: string;
  roles: RoleInput[];
  isAdmin?: boolean;
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => sendJson<UserResultView>("/api/users", "POST", user),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}
