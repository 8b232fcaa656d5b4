import { evaluateReading, INITIAL_STATE } from "./evaluate";
import type { Comparison, ThresholdRule } from "./rule";

/** One minute of a series as the rollups keep it. */
export interface MinutePoint {
  t: number;
  min: number;
  max: number;
  avg: number;
}

export interface Episode {
  start: number;
  /** Null: still firing at the end of the window. */
  end: number | null;
}

/**
 * The minute's value a rule would have seen at worst: its lowest reading for a "below" rule,
 * its highest for "above", the one further out for "outside", the average for "inside".
 * Minute rollups keep no single readings, so this errs towards firing, as a preview should.
 */
export function minuteValue(comparison: Comparison, threshold: number, p: MinutePoint): number {
  switch (comparison) {
    case "below":
    case "at_or_below":
      return p.min;
    case "above":
    case "at_or_above":
      return p.max;
    case "outside":
      return p.min < threshold ? p.min : p.max;
    case "inside":
      return p.avg;
  }
}

/** The episodes a threshold rule would have had over these minutes (in time order). */
export function thresholdEpisodes(rule: ThresholdRule, points: MinutePoint[]): Episode[] {
  const episodes: Episode[] = [];
  let state = INITIAL_STATE;
  for (const p of points) {
    const { next, transition } = evaluateReading(
      rule,
      state,
      p.t,
      minuteValue(rule.comparison, rule.threshold, p),
    );
    state = next;
    if (transition?.kind === "fire") episodes.push({ start: transition.at, end: null });
    if (transition?.kind === "resolve") episodes.at(-1)!.end = transition.at;
  }
  return episodes;
}

/** The silences longer than `silenceMs` between minutes with data (a no-data rule's episodes). */
export function silenceEpisodes(silenceMs: number, minutes: number[], until: number): Episode[] {
  const episodes: Episode[] = [];
  for (let i = 0; i < minutes.length; i++) {
    const next = i + 1 < minutes.length ? minutes[i + 1]! : until;
    // A minute bucket's last reading may come at its very end: count the gap from there.
    if (next - (minutes[i]! + 60_000) >= silenceMs)
      episodes.push({ start: minutes[i]! + 60_000 + silenceMs, end: i + 1 < minutes.length ? next : null });
  }
  return episodes;
}
