/** A reading as a format reads it, before values and times are checked (payload.ts does that). */
export interface Draft {
  metric: string;
  value: unknown;
  /** A device timestamp in any accepted form (seconds, ms, µs, ISO 8601). */
  ts?: unknown;
  /** An already-resolved time, epoch milliseconds (SenML). */
  tsMs?: number;
}

/** Either drafts, or why the payload can't be read. */
export type DraftResult = Draft[] | string;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
