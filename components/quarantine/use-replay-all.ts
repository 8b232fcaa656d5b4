"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { queryKeys } from "../api/keys";
import { sendJson } from "../api/send-json";
import type { ReplayRunView } from "@/lib/server/quarantine/view";

export interface ReplayAllProgress {
  running: boolean;
  done: number;
  total: number;
  replayed: number;
  rejected: Record<string, number>;
  error: string | null;
  finished: boolean;
}

const IDLE: ReplayAllProgress = {
  running: false,
  done: 0,
  total: 0,
  replayed: 0,
  rejected: {},
  error: null,
  finished: false,
};
const SLICE = 200;

/**
 * Replay-all for a filter, a slice of SLICE rows per request, so a long run shows progress and
 * can be stopped between slices (what was replayed stays replayed).
 */
export function useReplayAll() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ReplayAllProgress>(IDLE);
  const stopped = useRef(false);

  const start = useCallback(
    async (filter: Record<string, string | number>, total: number) => {
      stopped.current = false;
      let state: ReplayAllProgress = { ...IDLE, running: true, total };
      setProgress(state);
      let afterId = 0;
      try {
        while (!stopped.current) {
          const run = await sendJson<ReplayRunView>("/api/quarantine/replay", "POST", {
            filter,
            afterId,
            limit: SLICE,
          });
          const rejected = { ...state.rejected };
          for (const [reason, n] of Object.entries(run.rejected))
            rejected[reason] = (rejected[reason] ?? 0) + n;
          const seen = run.replayed + Object.values(run.rejected).reduce((a, b) => a + b, 0);
          // New rows may arrive meanwhile: the total grows with what is left.
          state = {
            ...state,
            done: state.done + seen,
            replayed: state.replayed + run.replayed,
            rejected,
            total: Math.max(state.total, state.done + seen + run.remaining),
          };
          setProgress(state);
          if (run.remaining === 0 || run.lastId === afterId) break;
          afterId = run.lastId;
        }
        setProgress({ ...state, running: false, finished: true });
      } catch (err) {
        setProgress({ ...state, running: false, finished: true, error: errorMessage(err) });
      } finally {
        await queryClient.invalidateQueries({ queryKey: queryKeys.quarantine() });
      }
    },
    [queryClient],
  );

  const stop = useCallback(() => {
    stopped.current = true;
  }, []);
  const reset = useCallback(() => setProgress(IDLE), []);
  return { progress, start, stop, reset };
}
