import { evaluateSilence, evaluateTick } from "../../domain/alerts/evaluate";
import type { RuleSet } from "../../domain/alerts/rule-set";
import type { AlertEvent } from "../../domain/live/events";
import type { Sql, Tx } from "../db/connect";
import {
  alertsDueRepeat,
  closeAlertsElsewhere,
  markNotified,
  runningThresholdStates,
  saveState,
  silenceCandidates,
  toState,
  type StateRow,
} from "../db/queries/alert-states";
import { enqueueAlertNotifications } from "../db/queries/webhook-outbox";
import { notifyLive } from "../live/channel";
import { applyTransition } from "./evaluate-batch";

/**
 * What the clock decides when no reading comes: a pending condition whose "for" ran out fires,
 * a clearing one resolves, a silent device trips its no-data rules. One worker at a time
 * (an advisory lock), so several never raise the same alert.
 */
export async function sweepAlerts(sql: Sql, rules: RuleSet, now = Date.now()): Promise<AlertEvent[]> {
  if (rules.rules.length === 0) return [];
  return sql.begin(async (tx) => {
    const [lock] = await tx<
      { ok: boolean }[]
    >`select pg_try_advisory_xact_lock(hashtext('fieldwatch-alert-sweep')) as ok`;
    if (!lock?.ok) return [];
    const events = [...(await tickThresholds(tx, rules, now)), ...(await checkSilences(tx, rules, now))];
    await notifyLive(tx, events);
    await repeatNotifications(tx);
    await closeStrays(tx);
    return events;
  }) as Promise<AlertEvent[]>;
}

async function tickThresholds(tx: Tx, rules: RuleSet, now: number): Promise<AlertEvent[]> {
  const events: AlertEvent[] = [];
  for (const row of await runningThresholdStates(tx)) {
    const rule = rules.byId.get(row.rule_id);
    if (!rule) continue;
    const { next, transition } = evaluateTick(rule.threshold, toState(row), now, row.last_value ?? NaN);
    if (!transition) continue;
    await saveState(tx, row.rule_id, row.device_id, next);
    const event = await applyTransition(
      tx,
      { rule, deviceId: row.device_id, deviceKey: row.key },
      transition,
    );
    if (event) events.push(event);
  }
  return events;
}

/** No-data rules over the devices they cover that have reported at least once (never-seen has its own state). */
async function checkSilences(tx: Tx, rules: RuleSet, now: number): Promise<AlertEvent[]> {
  const events: AlertEvent[] = [];
  for (const rule of rules.noData) {
    for (const row of await silenceCandidates(tx, rule)) {
      const state = row.state
        ? toState(row as StateRow)
        : { state: "ok" as const, since: null, lastTs: null };
      const { next, transition } = evaluateSilence(rule.silenceMs, state, row.newest, now);
      if (next.state !== state.state || next.since !== state.since || next.lastTs !== state.lastTs)
        await saveState(tx, rule.id, row.device_id, next);
      if (!transition) continue;
      const event = await applyTransition(
        tx,
        { rule, deviceId: row.device_id, deviceKey: row.key },
        transition,
      );
      if (event) events.push(event);
    }
  }
  return events;
}

/**
 * Episodes of a device that has left the rule's site: a move closes them itself, but an
 * evaluator that opened one from a cache while the move committed leaves one behind. Closed here
 * the same way (the old site's webhooks hear "resolved"); not a live event, as the device's
 * stream is its new site's.
 */
async function closeStrays(tx: Tx): Promise<void> {
  for (const event of await closeAlertsElsewhere(tx, null)) await enqueueAlertNotifications(tx, event);
}

/** "Repeat every N": a firing, unacknowledged alert notifies its webhooks again. Not a new live event. */
async function repeatNotifications(tx: Tx): Promise<number> {
  const due = await alertsDueRepeat(tx);
  for (const event of due) await enqueueAlertNotifications(tx, event);
  await markNotified(
    tx,
    due.map((e) => e.alertId),
  );
  return due.length;
}
