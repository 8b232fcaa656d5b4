import { describe, expect, it } from "vitest";
import { DEFAULT_RANGE, parseRange, rangeParams, resolveRange, timeTicks } from "./time-range";

const params = (qs: string) => new URLSearchParams(qs);

describe("time ranges in the URL", () => {
  it("read presets and custom spans, and fall back to live 15 min on anything else", () => {
    expect(parseRange(params(""))).toEqual(DEFAULT_RANGE);
    expect(parseRange(params("range=7d"))).toEqual({ kind: "preset", id: "7d" });
    expect(parseRange(params("range=2y"))).toEqual(DEFAULT_RANGE);
    expect(parseRange(params("from=2026-11-20T10:00:00Z&to=2026-11-20T16:00:00Z"))).toEqual({
      kind: "custom",
      from: Date.UTC(2026, 10, 20, 10),
      to: Date.UTC(2026, 10, 20, 16),
    });
    // Reversed, too short, or not a date: not a span.
    expect(parseRange(params("from=2026-11-20T16:00:00Z&to=2026-11-20T10:00:00Z"))).toEqual(DEFAULT_RANGE);
    expect(parseRange(params("from=2026-11-20T10:00:00Z&to=2026-11-20T10:00:01Z"))).toEqual(DEFAULT_RANGE);
    expect(parseRange(params("from=yesterday&to=now&range=1h"))).toEqual({ kind: "preset", id: "1h" });
  });

  it("round-trip through their URL parameters", () => {
    for (const range of [
      { kind: "preset", id: "24h" },
      { kind: "custom", from: 1_700_000_000_000, to: 1_700_000_600_000 },
    ] as const) {
      const qs = new URLSearchParams(
        Object.entries(rangeParams(range)).filter((e): e is [string, string] => e[1] !== null),
      );
      expect(parseRange(qs)).toEqual(range);
    }
    expect(rangeParams(DEFAULT_RANGE)).toEqual({ range: null, from: null, to: null });
  });

  it("resolve presets against the clock", () => {
    expect(resolveRange({ kind: "preset", id: "1h" }, 10_000_000)).toEqual({
      from: 6_400_000,
      to: 10_000_000,
    });
  });
});

describe("timeTicks", () => {
  it("spaces a few round ticks across the range", () => {
    const from = Date.UTC(2026, 10, 22, 13, 7);
    const ticks = timeTicks(from, from + 15 * 60_000, 4);
    expect(ticks).toEqual([10, 15, 20].map((m) => Date.UTC(2026, 10, 22, 13, m)));
    expect(timeTicks(from, from + 30 * 86_400_000, 5).length).toBeLessThanOrEqual(5);
  });
});
