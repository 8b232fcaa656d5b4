import { describe, expect, it } from "vitest";
import { RateMeter } from "./rate-meter";

describe("RateMeter", () => {
  it("averages whole seconds, knows nothing in the first second, forgets the old ones", () => {
    const t0 = 1_000_000_500;
    const meter = new RateMeter(t0, 10);
    meter.count(7, t0 + 100);
    expect(meter.perSecond(t0 + 400)).toBeNull(); // still in the first second
    meter.count(3, t0 + 600); // the next second
    // At t0+1.6 s: one complete second since start (the one holding the 3).
    expect(meter.perSecond(t0 + 1600)).toBe(3);
    for (let s = 2; s <= 20; s++) meter.count(10, t0 + s * 1000);
    expect(meter.perSecond(t0 + 20_900)).toBe(10);
    // Silence: the rate falls to 0 once the window has passed.
    expect(meter.perSecond(t0 + 40_000)).toBe(0);
  });
});
