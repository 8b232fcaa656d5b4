import { describe, expect, it } from "vitest";
import { isTrustedTime, parseTimestamp } from "./timestamps";

const ms = Date.UTC(2024, 0, 2, 3, 4, 5, 678);

describe("parseTimestamp", () => {
  it.each([
    ["seconds", ms / 1000, ms],
    ["milliseconds", ms, ms],
    ["microseconds", ms * 1000, ms],
    ["numeric string", String(ms), ms],
    ["ISO with Z", "2024-01-02T03:04:05.678Z", ms],
    ["ISO with offset", "2024-01-02T05:04:05.678+02:00", ms],
    ["ISO without zone is UTC", "2024-01-02T03:04:05.678", ms],
    ["ISO with a space", "2024-01-02 03:04:05.678", ms],
  ])("reads %s", (_name, input, expected) => {
    expect(parseTimestamp(input)).toEqual({ ok: true, ms: expected });
  });

  it.each([
    ["word", "soon"],
    ["negative", -5],
    ["object", {}],
    ["huge", 1e20],
    ["bad date", "2024-13-45T00:00:00Z"],
    ["year 9999", "9999-12-31T23:59:59Z"],
  ])("rejects %s", (_n, input) => {
    expect(parseTimestamp(input).ok).toBe(false);
  });
});

describe("isTrustedTime", () => {
  const now = Date.UTC(2026, 0, 1);
  it("trusts up to 5 minutes ahead and nothing before 2000", () => {
    expect(isTrustedTime(now + 5 * 60_000, now)).toBe(true);
    expect(isTrustedTime(now + 5 * 60_000 + 1, now)).toBe(false);
    expect(isTrustedTime(Date.UTC(1999, 11, 31), now)).toBe(false);
  });
});
