import type { LiveState } from "../live/use-live-readings";

const LOOK: Record<LiveState, { label: string; dot: string }> = {
  live: { label: "Live", dot: "bg-ok animate-pulse" },
  connecting: { label: "Connecting…", dot: "bg-zinc-400" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-500" },
};

/** Whether the page is receiving the live stream right now. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const { label, dot } = LOOK[state];
  return (
    <span
      role="status"
      aria-live="polite"
      data-live={state}
      className="inline-flex items-center gap-1.5 rounded-full border border-border bg-surface px-2.5 py-1 text-xs font-medium"
    >
      <span aria-hidden className={`size-2 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
