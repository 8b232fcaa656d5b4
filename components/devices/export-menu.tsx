"use client";

import { CHART_POINTS } from "../charts/time-range";

/**
 * Downloads the chart's range as CSV: as charted (one row per bucket) or every raw reading.
 * Plain links, so the browser's own download handles large files and shows its progress.
 */
export function ExportMenu({
  deviceKey,
  metric,
  from,
  to,
}: {
  deviceKey: string;
  metric: string;
  from: number;
  to: number;
}) {
  const href = (points?: number) => {
    const qs = new URLSearchParams({
      device: deviceKey,
      metric,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
    if (points) qs.set("points", String(points));
    return `/api/export?${qs}`;
  };
  // The menu closes once a download starts.
  const close = (e: React.MouseEvent<HTMLElement>) =>
    e.currentTarget.closest("details")?.removeAttribute("open");
  return (
    <details className="relative">
      <summary
        className="cursor-pointer list-none rounded px-1.5 py-0.5 font-medium text-foreground hover:bg-zinc-100 dark:hover:bg-zinc-800"
        aria-label={`Export ${metric} as CSV`}
      >
        CSV ▾
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-border bg-surface py-1 text-sm shadow-md">
        <a
          className="block px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          href={href(CHART_POINTS)}
          download
          onClick={close}
        >
          As charted (buckets)
        </a>
        <a
          className="block px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          href={href()}
          download
          onClick={close}
        >
          Every reading (raw)
        </a>
      </div>
    </details>
  );
}
