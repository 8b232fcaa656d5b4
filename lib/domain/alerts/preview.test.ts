import { describe, expect, it } from "vitest";
import { silenceEpisodes, thresholdEpisodes, type MinutePoint } from "./preview";
import type { ThresholdRule } from "./rule";

const MIN = 60_000;
const minutes = (values: [min: number, max: number][]): MinutePoint[] =>
  values.map(([min, max], i) => ({ t: i * MIN, min, max, avg: (min + max) / 2 }));

describe("rule preview", () => {
  const dry: ThresholdRule = {
    comparison: "below",
    threshold: 20,
    forMs: 2 * MIN,
    clearThreshold: 25,
    clearForMs: 0,
  };

  it("finds each episode of a threshold rule in minute rollups, judged by the minute's worst value", () => {
    // dips below 20 within minutes 1-3 (min), recovers past 25 at 5, dips again from 7 to the end
    const points = minutes([
      [22, 30],
      [18, 24],
      [19, 23],
      [17, 22],
      [21, 24],
      [26, 30],
      [24, 28],
      [15, 20],
      [14, 19],
      [16, 18],
    ]);
    expect(thresholdEpisodes(dry, points)).toEqual([
      { start: 3 * MIN, end: 5 * MIN },
      { start: 9 * MIN, end: null },
    ]);
  });

  it("finds none when the condition never holds long enough", () => {
    expect(
      thresholdEpisodes(
        dry,
        minutes([
          [18, 25],
          [22, 25],
          [18, 25],
          [22, 25],
        ]),
      ),
    ).toEqual([]);
  });

  it("finds silences longer than a no-data rule's", () => {
    const t = [0, 1, 2, 20, 21].map((m) => m * MIN);
    expect(silenceEpisodes(10 * MIN, t, 40 * MIN)).toEqual([
      { start: 13 * MIN, end: 20 * MIN },
      { start: 32 * MIN, end: null },
    ]);
  });
});
