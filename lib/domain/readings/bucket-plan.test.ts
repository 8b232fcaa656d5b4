import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketCount, planBuckets } from "./bucket-plan";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 22, 13, 47, 12, 345);

describe("planBuckets", () => {
  it.each([
    ["15 min", 15 * 60_000, "raw", 900],
    ["1 h", 3_600_000, "raw", 3_600],
    ["6 h", DAY / 4, "raw", 21_600],
    ["24 h", DAY, "minute", 120_000],
    ["7 d", 7 * DAY, "minute", 660_000],
    ["30 d", 30 * DAY, "hour", 3_600_000],
    ["1 year", 365 * DAY, "hour", 32_400_000],
  ])("%s at 1,000 points reads %s buckets of %i ms", (_label, range, source, bucketMs) => {
    const plan = planBuckets(now - range, now, 1000);
    expect(plan).toMatchObject({ source, bucketMs });
  });

  it("aligns rollup buckets to the source's grid", () => {
    const plan = planBuckets(now - 7 * DAY, now, 1000);
    expect(plan.originMs % 60_000).toBe(0);
    expect(plan.originMs).toBeLessThanOrEqual(now - 7 * DAY);
    expect(plan.originMs).toBeGreaterThan(now - 7 * DAY - 60_000);
  });

  it("never yields more than `points` buckets, nor much fewer than half, each a whole number of source buckets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 1, max: 400 * DAY }),
        fc.integer({ min: 1, max: 5000 }),
        (from, range, points) => {
          const plan = planBuckets(from, from + range, points);
          expect(bucketCount(plan, from + range)).toBeLessThanOrEqual(points);
          if (range >= 2 * 3_600_000 * points)
            expect(bucketCount(plan, from + range)).toBeGreaterThanOrEqual(Math.floor(points / 2));
          expect(plan.bucketMs % { raw: 1, minute: 60_000, hour: 3_600_000 }[plan.source]).toBe(0);
          expect(plan.originMs).toBeLessThanOrEqual(from);
        },
      ),
    );
  });
});
