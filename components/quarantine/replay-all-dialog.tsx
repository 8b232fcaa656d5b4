"use client";

import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Notice } from "../ui/notice";
import { reasonLabel } from "./reason-labels";
import { useReplayAll } from "./use-replay-all";

interface Props {
  open: boolean;
  onClose: () => void;
  filter: Record<string, string | number>;
  /** How many not-yet-replayed messages the filter matches now. */
  total: number;
  /** The filter in words, e.g. "out of range, from greenhouse-3". */
  description: string;
}

/** Confirm, then replay every matching message with a progress bar and a summary at the end. */
export function ReplayAllDialog({ open, onClose, filter, total, description }: Props) {
  const { progress, start, stop, reset } = useReplayAll();
  const close = () => {
    if (progress.running) return;
    reset();
    onClose();
  };
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const refused = Object.entries(progress.rejected);

  return (
    <Dialog open={open} onClose={close} title="Replay quarantined messages">
      <div className="space-y-4">
        {!progress.running && !progress.finished && (
          <p className="text-muted">
            Send {total === 1 ? "the 1 message" : `all ${total} messages`} ({description}) through the
            pipeline again, with today&apos;s devices and metric ranges. Usable ones are written at their
            original time; the rest stay here with their reason as it stands now.
          </p>
        )}
        {(progress.running || progress.finished) && (
          <div className="space-y-2">
            <div
              role="progressbar"
              aria-label="Replay progress"
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.done}
              className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
            >
              <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p data-testid="replay-all-summary">
              {progress.done} of {progress.total} looked at · <strong>{progress.replayed} replayed</strong>
              {refused.length > 0 &&
                ` · still refused: ${refused.map(([r, n]) => `${n} ${reasonLabel(r).toLowerCase()}`).join(", ")}`}
            </p>
          </div>
        )}
        {progress.error && <Notice>Stopped: {progress.error}</Notice>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {progress.running ? (
            <Button onClick={stop}>Stop after this slice</Button>
          ) : (
            <Button onClick={close}>{progress.finished ? "Done" : "Cancel"}</Button>
          )}
          {!progress.finished && (
            <Button variant="primary" onClick={() => start(filter, total)} busy={progress.running}>
              {progress.running ? "Replaying…" : `Replay ${total}`}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
