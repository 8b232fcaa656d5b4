import { describe, expect, it } from "vitest";
import { nextRetryDelay, parseRetryAfter, STANDARD_SCHEDULE_MS } from "./schedule";

const noJitter = () => 0.5;

describe("the retry schedule", () => {
  it("is the Standard Webhooks one: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then dead", () => {
    const delays = Array.from({ length: 9 }, (_, n) =>
      nextRetryDelay(n, STANDARD_SCHEDULE_MS, null, undefined, noJitter),
    );
    expect(delays).toEqual([
      0,
      5_000,
      300_000,
      1_800_000,
      7_200_000,
      18_000_000,
      36_000_000,
      36_000_000,
      null,
    ]);
  });

  it("jitters by at most 10 % either way", () => {
    expect(nextRetryDelay(1, STANDARD_SCHEDULE_MS, null, undefined, () => 0)).toBe(4_500);
    expect(nextRetryDelay(1, STANDARD_SCHEDULE_MS, null, undefined, () => 0.999999)).toBe(5_500);
  });

  it("waits at least as long as Retry-After asks, capped", () => {
    expect(nextRetryDelay(1, STANDARD_SCHEDULE_MS, 60_000, undefined, noJitter)).toBe(60_000);
    expect(nextRetryDelay(2, STANDARD_SCHEDULE_MS, 1_000, undefined, noJitter)).toBe(300_000);
    expect(nextRetryDelay(1, STANDARD_SCHEDULE_MS, 7 * 86_400_000, 3_600_000, noJitter)).toBe(3_600_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 12:01:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it can't read", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
  });
});
