"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { CommandListView, SentCommandView } from "@/lib/server/commands/view";

const commandsUrl = (deviceKey: string) => `/api/devices/${encodeURIComponent(deviceKey)}/commands`;

/**
 * A device's command history. Answers arrive as `command` live events (use-live-readings
 * refetches on them); timing out has no event, so the list asks again once the oldest waiting
 * command's deadline has passed, and not at all while none waits.
 */
export function useCommands(deviceKey: string) {
  return useQuery({
    queryKey: queryKeys.deviceCommands(deviceKey),
    queryFn: ({ signal }) => fetchJson<CommandListView>(commandsUrl(deviceKey), { signal }),
    refetchInterval: (query) => untilNextDeadline(query.state.data),
  });
}

function untilNextDeadline(data: CommandListView | undefined): number | false {
  const waiting = data?.items.filter((c) => c.status === "sent") ?? [];
  if (!data || waiting.length === 0) return false;
  const next = Math.min(...waiting.map((c) => Date.parse(c.sentAt) + data.timeoutMs));
  // A second at least: the browser's clock may run ahead of the server's.
  return Math.max(1000, next - Date.now() + 500);
}

export function useSendCommand(deviceKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: Record<string, unknown>) =>
      sendJson<SentCommandView>(commandsUrl(deviceKey), "POST", { command }),
    // A failed send is in the history too (status failed).
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.deviceCommands(deviceKey) }),
  });
}
