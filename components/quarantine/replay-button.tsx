"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import { Button } from "../ui/button";
import type { ReplayResult } from "@/lib/server/quarantine/replay";

/**
 * Replays one message. Success goes to `onReplayed` (the row then leaves a "not replayed" list);
 * a refusal stays here, next to the row, with the reason as it stands now.
 */
export function ReplayButton({ id, onReplayed }: { id: number; onReplayed: (readings: number) => void }) {
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: () =>
      sendJson<Extract<ReplayResult, { result: "replayed" }>>(`/api/quarantine/${id}/replay`, "POST", {}),
    onSuccess: (data) => onReplayed(data.readings),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.quarantine() }),
  });
  return (
    <div className="flex flex-col items-start gap-1 lg:items-end">
      <Button
        onClick={() => replay.mutate()}
        disabled={replay.isSuccess}
        busy={replay.isPending}
        className="py-1"
      >
        Replay
      </Button>
      {replay.isError && (
        <p role="alert" className="max-w-56 text-xs whitespace-normal text-danger">
          {errorMessage(replay.error)}
        </p>
      )}
    </div>
  );
}
