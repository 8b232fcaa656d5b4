import { clearHolds, conditionHolds, type ThresholdRule } from "./rule";

/**
 * Where one rule stands for one device. `since`: device time the condition (pending) or the
 * clear condition (while firing) started to hold, null when it doesn't. `lastTs`: the newest
 * reading evaluated — anything older is late data and changes nothing.
 */
export interface AlertState {
  state: "ok" | "pending" | "firing";
  since: number | null;
  lastTs: number | null;
}

export const INITIAL_STATE: AlertState = { state: "ok", since: null, lastTs: null };

export type Transition =
  { kind: "fire"; at: number; value: number } | { kind: "resolve"; at: number; value: number } | null;

/**
 * One reading through one rule (pure, event time). Late readings (older than the newest one
 * seen) are ignored: stored and charted, never news. `for` durations are measured in device
 * time between readings; `tick` covers the case where no further reading comes.
 */
export function evaluateReading(
  rule: ThresholdRule,
  current: AlertState,
  ts: number,
  value: number,
): { next: AlertState; transition: Transition } {
  if (current.lastTs !== null && ts <= current.lastTs) return { next: current, transition: null };
  if (current.state === "firing") {
    if (!clearHolds(rule, value))
      return { next: { state: "firing", since: null, lastTs: ts }, transition: null };
    const since = current.since ?? ts;
    if (ts - since >= rule.clearForMs)
      return {
        next: { state: "ok", since: null, lastTs: ts },
        transition: { kind: "resolve", at: ts, value },
      };
    return { next: { state: "firing", since, lastTs: ts }, transition: null };
  }
  if (!conditionHolds(rule, value))
    return { next: { state: "ok", since: null, lastTs: ts }, transition: null };
  const since = current.state === "pending" && current.since !== null ? current.since : ts;
  if (ts - since >= rule.forMs)
    return {
      next: { state: "firing", since: null, lastTs: ts },
      transition: { kind: "fire", at: ts, value },
    };
  return { next: { state: "pending", since, lastTs: ts }, transition: null };
}

/**
 * The timer's view: no reading came, but time passed. A pending condition that has held since
 * `since` fires once `now - since` reaches `forMs`, as of the moment it did; a clearing one
 * resolves likewise. The value is the last one seen.
 */
export function evaluateTick(
  rule: ThresholdRule,
  current: AlertState,
  now: number,
  lastValue: number,
): { next: AlertState; transition: Transition } {
  if (current.since === null) return { next: current, transition: null };
  if (current.state === "pending" && now - current.since >= rule.forMs) {
    return {
      next: { state: "firing", since: null, lastTs: current.lastTs },
      transition: { kind: "fire", at: current.since + rule.forMs, value: lastValue },
    };
  }
  if (current.state === "firing" && now - current.since >= rule.clearForMs) {
    return {
      next: { state: "ok", since: null, lastTs: current.lastTs },
      transition: { kind: "resolve", at: current.since + rule.clearForMs, value: lastValue },
    };
  }
  return { next: current, transition: null };
}

/**
 * A no-data rule ("no reading of X for N minutes"): firing while the newest reading is older
 * than `silenceMs` (as of the moment it became so), resolved by the next reading.
 */
export function evaluateSilence(
  silenceMs: number,
  current: AlertState,
  newestTs: number | null,
  now: number,
): { next: AlertState; transition: Transition } {
  const silentSince = newestTs ?? current.since;
  if (current.state === "firing") {
    if (
      newestTs !== null &&
      current.lastTs !== null &&
      newestTs > current.lastTs &&
      now - newestTs < silenceMs
    ) {
      return {
        next: { state: "ok", since: null, lastTs: newestTs },
        transition: { kind: "resolve", at: newestTs, value: 0 },
      };
    }
    return { next: current, transition: null };
  }
  if (silentSince !== null && now - silentSince >= silenceMs) {
    return {
      next: { state: "firing", since: null, lastTs: newestTs },
      transition: { kind: "fire", at: silentSince + silenceMs, value: 0 },
    };
  }
  return { next: { state: "ok", since: silentSince, lastTs: newestTs }, transition: null };
}
