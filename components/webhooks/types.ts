export interface WebhookSite {
  slug: string;
  name: string;
}

/** "in 4 min", "in 2 h": when a retry is due. */
export function formatIn(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return s <= 1 ? "any moment" : `in ${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `in ${min} min`;
  return `in ${Math.round(min / 60)} h`;
}

/** One line for an attempt: "204 in 83 ms", "HTTP 500 in 1.2 s", "refused: …". */
export function describeAttempt(a: {
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
}): string {
  const took =
    a.durationMs === null
      ? ""
      : a.durationMs < 1000
        ? ` in ${a.durationMs} ms`
        : ` in ${(a.durationMs / 1000).toFixed(1)} s`;
  if (a.statusCode !== null) return `HTTP ${a.statusCode}${took}`;
  return a.error ?? "no answer";
}
