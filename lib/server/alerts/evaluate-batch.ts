import {
  evaluateReading,
  INITIAL_STATE,
  type AlertState,
  type Transition,
} from "../../domain/alerts/evaluate";
import type { CompiledRule, DeviceScope, RuleSet } from "../../domain/alerts/rule-set";
import type { AlertEvent } from "../../domain/live/events";
import type { DeviceReading } from "../../domain/telemetry/types";
import type { Tx } from "../db/connect";
import { openAlert, pairKey, readStates, resolveAlert, saveStates } from "../db/queries/alert-states";
import { enqueueAlertNotifications } from "../db/queries/webhook-outbox";

/** What evaluation reads of a committed reading (its flags play no part). */
type Committed = Omit<DeviceReading, "flags">;

/** The readings of one (rule, device) pair in a batch, in device-time order. */
interface Work {
  rule: CompiledRule;
  deviceId: string;
  deviceKey: string;
  readings: { ts: number; value: number }[];
}

/**
 * Runs a batch's newly stored, current readings through the rules that apply, inside the
 * batch's own transaction. States are read without locks; only a pair whose state changes
 * (rare: most readings leave a rule where it was) is locked, evaluated again from the locked
 * row (another worker may have moved it) and written — so 1,000 quiet rules cost one read a
 * batch. An alert is raised once whatever the race (the open-alert unique index).
 */
export async function evaluateAlertsIn(
  tx: Tx,
  rules: RuleSet,
  scopes: Map<string, DeviceScope>,
  readings: readonly Committed[],
): Promise<AlertEvent[]> {
  const work = collectWork(rules, scopes, readings);
  if (work.length === 0) return [];
  const seen = await readStates(tx, work.map(pairOf), false);
  const moving = work.filter((w) => changes(w, seen.get(pairKey(w.rule.id, w.deviceId)) ?? INITIAL_STATE));
  if (moving.length === 0) return [];
  const locked = await readStates(tx, moving.map(pairOf), true);
  const events: AlertEvent[] = [];
  const updates: { ruleId: string; deviceId: string; state: AlertState; lastValue: number }[] = [];
  for (const w of moving) {
    let state = locked.get(pairKey(w.rule.id, w.deviceId)) ?? INITIAL_STATE;
    let lastValue = NaN;
    for (const reading of w.readings) {
      const { next, transition } = evaluateReading(w.rule.threshold, state, reading.ts, reading.value);
      if (next !== state) lastValue = reading.value;
      state = next;
      if (transition) {
        const event = await applyTransition(tx, w, transition);
        if (event) events.push(event);
      }
    }
    if (!Number.isNaN(lastValue)) updates.push({ ruleId: w.rule.id, deviceId: w.deviceId, state, lastValue });
  }
  await saveStates(tx, updates);
  return events;
}

/**
 * Opens or closes the episode and queues its webhook notifications in the same transaction (the
 * outbox: a rolled-back alert sends nothing); null when another evaluator got there first.
 */
export async function applyTransition(
  tx: Tx,
  w: Pick<Work, "rule" | "deviceId" | "deviceKey">,
  t: NonNullable<Transition>,
): Promise<AlertEvent | null> {
  const alertId =
    t.kind === "fire"
      ? await openAlert(tx, w.rule.id, w.deviceId, w.rule.severity, t.at, t.value)
      : await resolveAlert(tx, w.rule.id, w.deviceId, t.at, t.value);
  if (!alertId) return null;
  const event: AlertEvent = {
    type: "alert",
    device: w.deviceKey,
    alertId,
    ruleId: w.rule.id,
    state: t.kind === "fire" ? "firing" : "resolved",
    severity: w.rule.severity,
    ts: t.at,
    value: t.value,
  };
  await enqueueAlertNotifications(tx, event);
  return event;
}

const pairOf = (w: Work) => ({ ruleId: w.rule.id, deviceId: w.deviceId });

/** Would these readings move the pair's state (or its clock)? Pure: evaluates on a copy. */
function changes(w: Work, start: AlertState): boolean {
  let state = start;
  for (const r of w.readings) state = evaluateReading(w.rule.threshold, state, r.ts, r.value).next;
  return state.state !== start.state || state.since !== start.since;
}

function collectWork(
  rules: RuleSet,
  scopes: Map<string, DeviceScope>,
  readings: readonly Committed[],
): Work[] {
  if (rules.byMetric.size === 0) return [];
  // Rules are looked up once per device and metric, not per reading.
  const bySeries = new Map<string, Committed[]>();
  for (const r of readings) {
    if (!rules.byMetric.has(r.metric)) continue;
    const key = `${r.deviceId}/${r.metric}`;
    const list = bySeries.get(key);
    if (list) list.push(r);
    else bySeries.set(key, [r]);
  }
  const work = new Map<string, Work>();
  for (const series of bySeries.values()) {
    const { deviceId, deviceKey, metric } = series[0]!;
    const scope = scopes.get(deviceId);
    if (!scope) continue;
    for (const rule of rules.thresholdRulesFor(metric, deviceId, scope)) {
      const points = series.map(({ ts, value }) => ({ ts, value })).sort((a, b) => a.ts - b.ts);
      work.set(pairKey(rule.id, deviceId), { rule, deviceId, deviceKey, readings: points });
    }
  }
  // Pairs in key order, so concurrent transactions lock alike.
  return [...work.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, w]) => w);
}
