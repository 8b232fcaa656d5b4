import type postgres from "postgres";
import { evaluateSilence, evaluateTick, type AlertState } from "../../../domain/alerts/evaluate";
import type { CompiledRule, RuleSet } from "../../../domain/alerts/rule-set";
import type { Sql } from "../connect";
import { applyTransition, type AlertChange } from "./alert-evaluation";
import { notifyLive } from "./connectivity";
import { enqueueAlertNotifications } from "./webhook-outbox";

type Tx = postgres.TransactionSql;
type StateRow = {
  rule_id: string;
  device_id: string;
  key: string;
  state: AlertState["state"];
  since: number | null;
  last_ts: number | null;
  last_value: number | null;
};

const toState = (r: Pick<StateRow, "state" | "since" | "last_ts">): AlertState => ({
  state: r.state,
  since: r.since,
  lastTs: r.last_ts,
});

/**
 * What the clock decides when no reading comes: a pending condition whose "for" ran out fires,
 * a clearing one resolves, a silent device trips its no-data rules. One worker at a time
 * (an advisory lock), so several never raise the same alert.
 */
export async function sweepAlerts(sql: Sql, rules: RuleSet, now = Date.now()): Promise<AlertChange[]> {
  if (rules.rules.length === 0) return [];
  return sql.begin(async (tx) => {
    const [lock] = await tx<
      { ok: boolean }[]
    >`select pg_try_advisory_xact_lock(hashtext('fieldwatch-alert-sweep')) as ok`;
    if (!lock?.ok) return [];
    const changes = [...(await tickThresholds(tx, rules, now)), ...(await checkSilences(tx, rules, now))];
    await notifyLive(tx, changes);
    await repeatNotifications(tx);
    return changes;
  }) as Promise<AlertChange[]>;
}

async function tickThresholds(tx: Tx, rules: RuleSet, now: number): Promise<AlertChange[]> {
  const rows = await tx<StateRow[]>`
    select s.rule_id, s.device_id, d.key, s.state, s.last_value,
           (extract(epoch from s.since) * 1000)::float8 as since, (extract(epoch from s.last_ts) * 1000)::float8 as last_ts
    from alert_states s join devices d on d.id = s.device_id join alert_rules r on r.id = s.rule_id
    where s.since is not null and r.kind = 'threshold' and r.enabled
    order by s.rule_id, s.device_id for update of s`;
  const changes: AlertChange[] = [];
  for (const row of rows) {
    const rule = rules.byId.get(row.rule_id);
    if (!rule) continue;
    const { next, transition } = evaluateTick(rule.threshold, toState(row), now, row.last_value ?? NaN);
    if (!transition) continue;
    await saveState(tx, row.rule_id, row.device_id, next);
    const change = await applyTransition(
      tx,
      { rule, deviceId: row.device_id, deviceKey: row.key },
      transition,
    );
    if (change) changes.push(change);
  }
  return changes;
}

/** No-data rules over the devices they cover that have reported at least once (never-seen has its own state). */
async function checkSilences(tx: Tx, rules: RuleSet, now: number): Promise<AlertChange[]> {
  const changes: AlertChange[] = [];
  for (const rule of rules.noData) {
    const rows = await silenceCandidates(tx, rule);
    for (const row of rows) {
      const state = row.state
        ? toState(row as StateRow)
        : { state: "ok" as const, since: null, lastTs: null };
      const { next, transition } = evaluateSilence(rule.silenceMs, state, row.newest, now);
      if (next.state !== state.state || next.since !== state.since || next.lastTs !== state.lastTs)
        await saveState(tx, rule.id, row.device_id, next);
      if (!transition) continue;
      const change = await applyTransition(
        tx,
        { rule, deviceId: row.device_id, deviceKey: row.key },
        transition,
      );
      if (change) changes.push(change);
    }
  }
  return changes;
}

function silenceCandidates(tx: Tx, rule: CompiledRule) {
  const newest = rule.metric
    ? tx`(select (extract(epoch from se.latest_ts) * 1000)::float8 from series se where se.device_id = d.id and se.metric = ${rule.metric})`
    : tx`(extract(epoch from d.last_seen_at) * 1000)::float8`;
  return tx<(Partial<StateRow> & { device_id: string; key: string; newest: number | null })[]>`
    select d.id as device_id, d.key, ${newest} as newest, s.state,
           (extract(epoch from s.since) * 1000)::float8 as since, (extract(epoch from s.last_ts) * 1000)::float8 as last_ts
    from devices d left join alert_states s on s.rule_id = ${rule.id} and s.device_id = d.id
    where not d.disabled and d.archived_at is null and d.last_seen_at is not null
      and ${rule.deviceId ? tx`d.id = ${rule.deviceId}` : tx`d.site_id = ${rule.siteId} ${rule.typeId ? tx`and d.type_id = ${rule.typeId}` : tx``}`}`;
}

async function saveState(tx: Tx, ruleId: string, deviceId: string, s: AlertState): Promise<void> {
  await tx`
    insert into alert_states (rule_id, device_id, state, since, last_ts)
    values (${ruleId}, ${deviceId}, ${s.state}, to_timestamp(${s.since} / 1000.0), to_timestamp(${s.lastTs} / 1000.0))
    on conflict (rule_id, device_id) do update set state = excluded.state, since = excluded.since, last_ts = excluded.last_ts, updated_at = now()`;
}

/**
 * Rules with "repeat every N": an alert still firing, and not acknowledged (someone is on it),
 * notifies its webhooks again once N has passed since it last did. Not a new live event.
 */
async function repeatNotifications(tx: Tx): Promise<number> {
  const due = await tx<
    { id: string; rule_id: string; key: string; severity: AlertChange["severity"]; value: number | null }[]
  >`
    select a.id, a.rule_id, d.key, a.severity, a.value
    from alerts a join alert_rules r on r.id = a.rule_id join devices d on d.id = a.device_id
    where a.resolved_at is null and a.acked_at is null and r.enabled and r.repeat_every_s > 0
      and coalesce(a.last_notified_at, a.started_at) + make_interval(secs => r.repeat_every_s) <= now()
    for update of a`;
  for (const a of due) {
    await enqueueAlertNotifications(tx, {
      type: "alert",
      device: a.key,
      alertId: a.id,
      ruleId: a.rule_id,
      state: "firing",
      severity: a.severity,
      ts: Date.now(),
      value: a.value ?? 0,
    });
  }
  if (due.length > 0)
    await tx`update alerts set last_notified_at = now() where id = any(${due.map((a) => a.id)}::uuid[])`;
  return due.length;
}
