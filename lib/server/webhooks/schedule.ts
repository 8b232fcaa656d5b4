/**
 * When to try a delivery again: the Standard Webhooks schedule — the first attempt at once,
 * then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after each failure — then it is dead-lettered.
 * Injectable (tests run it on a compressed clock).
 */
export const STANDARD_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** ±10 %: deliveries that failed together (an endpoint down) don't all come back in one burst. */
const JITTER = 0.1;

/**
 * The wait after `attempts` attempts have failed, or null when the schedule is used up.
 * A Retry-After the receiver asked for lengthens the wait (never shortens it), up to `maxRetryAfterMs`.
 */
export function nextRetryDelay(
  attempts: number,
  schedule: readonly number[],
  retryAfterMs: number | null = null,
  maxRetryAfterMs = 10 * 3_600_000,
  random = Math.random,
): number | null {
  if (attempts >= schedule.length) return null;
  const planned = Math.round(schedule[attempts]! * (1 - JITTER + 2 * JITTER * random()));
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, maxRetryAfterMs);
  return Math.max(planned, asked);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `now`; null if absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/[a-z]/i.test(value)) return null;
  return Math.max(0, at - now);
}
