/** docs/mqtt.md: a device time more than this far ahead of the server is not trusted. */
export const MAX_FUTURE_MS = 5 * 60_000;
export const EARLIEST_TRUSTED_MS = Date.UTC(2000, 0, 1);
/**
 * A clock minutes or months off is a device problem (reading kept at server time, flagged); a
 * date past 2100 is garbage, and the message is quarantined as `bad_timestamp` instead.
 */
export const LATEST_PLAUSIBLE_MS = Date.UTC(2100, 0, 1);

export type TimeResult = { ok: true; ms: number } | { ok: false; detail: string };

/**
 * Epoch seconds, milliseconds or microseconds (told apart by magnitude), or ISO 8601 with or
 * without zone (no zone = UTC). Returns epoch milliseconds.
 */
export function parseTimestamp(input: unknown): TimeResult {
  if (typeof input === "number") return fromEpoch(input);
  if (typeof input === "string") {
    const trimmed = input.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return fromEpoch(Number(trimmed));
    return fromIso(trimmed);
  }
  return { ok: false, detail: `timestamp must be a number or a string, got ${typeof input}` };
}

function fromEpoch(n: number): TimeResult {
  if (!Number.isFinite(n) || n < 0) return { ok: false, detail: `bad epoch timestamp ${n}` };
  // 1e11 s is year 5138, 1e14 ms is year 5138: anything above a range belongs to the next unit.
  if (n < 1e11) return { ok: true, ms: Math.round(n * 1000) };
  if (n < 1e14) return { ok: true, ms: Math.round(n) };
  if (n < 1e17) return { ok: true, ms: Math.round(n / 1000) };
  return { ok: false, detail: `epoch timestamp ${n} is too large` };
}

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function fromIso(text: string): TimeResult {
  if (!ISO.test(text)) return { ok: false, detail: `unrecognised timestamp "${text.slice(0, 40)}"` };
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10;
  const normalised = text.replace(" ", "T") + (hasZone ? "" : text.length > 10 ? "Z" : "T00:00:00Z");
  const ms = Date.parse(normalised);
  if (!Number.isFinite(ms)) return { ok: false, detail: `invalid date "${text.slice(0, 40)}"` };
  return ms < LATEST_PLAUSIBLE_MS
    ? { ok: true, ms }
    : { ok: false, detail: `implausible date "${text.slice(0, 40)}"` };
}

/** True when a device time is believable relative to the server's clock. */
export function isTrustedTime(ms: number, nowMs: number): boolean {
  return ms >= EARLIEST_TRUSTED_MS && ms <= nowMs + MAX_FUTURE_MS;
}
