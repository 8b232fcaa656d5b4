/** What an alert rule says, in the terms the evaluator needs (the database row is richer). */
export type Comparison = "above" | "at_or_above" | "below" | "at_or_below" | "outside" | "inside";

export interface ThresholdRule {
  /** Fires when the condition holds on the metric for `forMs` of device time. */
  comparison: Comparison;
  threshold: number;
  /** The upper bound for `outside` / `inside` (`threshold` is the lower one). */
  thresholdHigh?: number;
  forMs: number;
  /**
   * Hysteresis: once firing, it clears only when the value is past this line (for `below`,
   * above it; for `above`, below it) for `clearForMs`. Unset: when the condition stops holding.
   */
  clearThreshold?: number;
  clearThresholdHigh?: number;
  clearForMs: number;
}

/** Does `value` meet the rule's condition? */
export function conditionHolds(
  rule: Pick<ThresholdRule, "comparison" | "threshold" | "thresholdHigh">,
  value: number,
): boolean {
  const { threshold: t, thresholdHigh: high = rule.threshold } = rule;
  switch (rule.comparison) {
    case "above":
      return value > t;
    case "at_or_above":
      return value >= t;
    case "below":
      return value < t;
    case "at_or_below":
      return value <= t;
    case "outside":
      return value < t || value > high;
    case "inside":
      return value >= t && value <= high;
  }
}

/** Is `value` far enough back to count towards clearing a firing alert? */
export function clearHolds(rule: ThresholdRule, value: number): boolean {
  if (rule.clearThreshold === undefined) return !conditionHolds(rule, value);
  const c = rule.clearThreshold;
  const cHigh = rule.clearThresholdHigh ?? c;
  switch (rule.comparison) {
    case "above":
    case "at_or_above":
      return value < c;
    case "below":
    case "at_or_below":
      return value > c;
    // A range rule's clear band is [clearThreshold, clearThresholdHigh] for `outside` (back well
    // inside), and outside it for `inside`.
    case "outside":
      return value >= c && value <= cHigh;
    case "inside":
      return value < c || value > cHigh;
  }
}
