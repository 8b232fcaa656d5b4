"use client";

import { formatAge, formatDateTime } from "./format";
import { useNow } from "./use-now";

interface Props {
  /** ISO string or epoch ms; null reads as "never". */
  value: string | number | null;
  className?: string;
  never?: string;
}

/** "12 s ago", updated every second, with the exact local time on hover. */
export function RelativeTime({ value, className, never = "never" }: Props) {
  const now = useNow();
  if (value === null) return <span className={className}>{never}</span>;
  const ms = typeof value === "number" ? value : Date.parse(value);
  return (
    <time
      dateTime={new Date(ms).toISOString()}
      title={now ? formatDateTime(ms) : undefined}
      className={className}
      suppressHydrationWarning
    >
      {now ? formatAge(now - ms) : "…"}
    </time>
  );
}
