import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluateReading,
  evaluateSilence,
  evaluateTick,
  INITIAL_STATE,
  type AlertState,
  type Transition,
} from "./evaluate";
import type { ThresholdRule } from "./rule";

const MIN = 60_000;
// "soil moisture below 20 % for 10 minutes; clear when above 25 % for 5 minutes"
const dry: ThresholdRule = {
  comparison: "below",
  threshold: 20,
  forMs: 10 * MIN,
  clearThreshold: 25,
  clearForMs: 5 * MIN,
};

/** Feeds readings (minute, value) through the rule; the transitions that came out. */
function run(
  rule: ThresholdRule,
  readings: [minute: number, value: number][],
  start: AlertState = INITIAL_STATE,
) {
  let state = start;
  const transitions: NonNullable<Transition>[] = [];
  for (const [minute, value] of readings) {
    const { next, transition } = evaluateReading(rule, state, minute * MIN, value);
    state = next;
    if (transition) transitions.push(transition);
  }
  return { state, transitions };
}

describe("threshold rules", () => {
  it("don't fire at 9 minutes of a 10-minute condition, and fire at 10", () => {
    const minutes = Array.from({ length: 10 }, (_, m): [number, number] => [m, 15]);
    expect(run(dry, minutes).transitions).toEqual([]);
    expect(run(dry, minutes).state.state).toBe("pending");
    expect(run(dry, [...minutes, [10, 15]]).transitions).toEqual([{ kind: "fire", at: 10 * MIN, value: 15 }]);
  });

  it("start the clock again when the condition breaks before its time", () => {
    expect(
      run(dry, [
        [0, 15],
        [8, 15],
        [9, 21],
        [10, 15],
        [19, 15],
      ]).transitions,
    ).toEqual([]);
    expect(
      run(dry, [
        [0, 15],
        [8, 15],
        [9, 21],
        [10, 15],
        [20, 15],
      ]).transitions,
    ).toHaveLength(1);
  });

  it("give exactly one episode for a value hovering at the line (hysteresis)", () => {
    // 11 minutes dry, then 2 hours hovering between 19 and 24 (never past the clear line), then wet for 6 minutes.
    const hovering = Array.from({ length: 120 }, (_, i): [number, number] => [11 + i, i % 2 ? 19 : 24]);
    const wet = Array.from({ length: 7 }, (_, i): [number, number] => [131 + i, 30]);
    const { transitions } = run(dry, [
      ...Array.from({ length: 11 }, (_, m): [number, number] => [m, 15]),
      ...hovering,
      ...wet,
    ]);
    expect(transitions.map((t) => t.kind)).toEqual(["fire", "resolve"]);
    expect(transitions[1]).toEqual({ kind: "resolve", at: 136 * MIN, value: 30 });
  });

  it("never change state on a late reading", () => {
    const firing = run(dry, [
      [0, 15],
      [10, 15],
    ]).state;
    expect(firing.state).toBe("firing");
    const late = evaluateReading(dry, firing, 5 * MIN, 40);
    expect(late).toEqual({ next: firing, transition: null });
    // …and a late dry reading after recovery doesn't re-fire.
    const recovered = run(dry, [
      [0, 15],
      [10, 15],
      [11, 30],
      [16, 30],
    ]).state;
    expect(recovered.state).toBe("ok");
    expect(evaluateReading({ ...dry, forMs: 0 }, recovered, 12 * MIN, 1).transition).toBeNull();
  });

  it("fire from the timer when no further reading comes, as of when the time ran out", () => {
    const pending = run(dry, [[0, 15]]).state;
    expect(evaluateTick(dry, pending, 9 * MIN, 15).transition).toBeNull();
    expect(evaluateTick(dry, pending, 12 * MIN, 15).transition).toEqual({
      kind: "fire",
      at: 10 * MIN,
      value: 15,
    });
  });

  it("without a clear threshold, clear when the condition stops holding for clear-for", () => {
    const rule: ThresholdRule = { comparison: "above", threshold: 30, forMs: 0, clearForMs: 0 };
    expect(
      run(rule, [
        [0, 31],
        [1, 31],
        [2, 30],
        [3, 31],
      ]).transitions.map((t) => t.kind),
    ).toEqual(["fire", "resolve", "fire"]);
  });

  it("handle ranges: outside fires beyond either bound, inside within", () => {
    const outside: ThresholdRule = {
      comparison: "outside",
      threshold: 18,
      thresholdHigh: 26,
      forMs: 0,
      clearForMs: 0,
    };
    expect(
      run(outside, [
        [0, 22],
        [1, 27],
        [2, 22],
        [3, 17],
      ]).transitions.map((t) => t.kind),
    ).toEqual(["fire", "resolve", "fire"]);
    const inside: ThresholdRule = {
      comparison: "inside",
      threshold: 0,
      thresholdHigh: 5,
      forMs: 0,
      clearForMs: 0,
    };
    expect(
      run(inside, [
        [0, 6],
        [1, 5],
        [2, 6],
      ]).transitions.map((t) => t.kind),
    ).toEqual(["fire", "resolve"]);
  });

  it("alternate fire and resolve, whatever the readings (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 50, noNaN: true })), {
          maxLength: 200,
        }),
        (readings) => {
          const kinds = run(dry, readings).transitions.map((t) => t.kind);
          kinds.forEach((k, i) => expect(k).toBe(i % 2 === 0 ? "fire" : "resolve"));
        },
      ),
    );
  });
});

describe("no-data rules", () => {
  it("fire once the newest reading is older than the silence, and resolve on the next reading", () => {
    const silence = 15 * MIN;
    let s = evaluateSilence(silence, INITIAL_STATE, 0, 10 * MIN);
    expect(s.transition).toBeNull();
    s = evaluateSilence(silence, s.next, 0, 16 * MIN);
    expect(s.transition).toEqual({ kind: "fire", at: 15 * MIN, value: 0 });
    expect(evaluateSilence(silence, s.next, 0, 30 * MIN).transition).toBeNull(); // still silent: no second alert
    expect(evaluateSilence(silence, s.next, 31 * MIN, 31 * MIN).transition).toEqual({
      kind: "resolve",
      at: 31 * MIN,
      value: 0,
    });
  });
});
