import type postgres from "postgres";
import {
  evaluateReading,
  INITIAL_STATE,
  type AlertState,
  type Transition,
} from "../../../domain/alerts/evaluate";
import type { CompiledRule, DeviceScope, RuleSet } from "../../../domain/alerts/rule-set";
import { withNotifications } from "./webhook-outbox";

type Tx = postgres.TransactionSql;

export interface CommittedReading {
  deviceId: string;
  deviceKey: string;
  metric: string;
  ts: number;
  value: number;
}

/** An alert fired or resolved, for the live stream (and, later, webhooks). */
export interface AlertChange {
  type: "alert";
  device: string;
  alertId: string;
  ruleId: string;
  state: "firing" | "resolved";
  severity: CompiledRule["severity"];
  ts: number;
  value: number;
}

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
  readings: CommittedReading[],
): Promise<AlertChange[]> {
  const work = collectWork(rules, scopes, readings);
  if (work.length === 0) return [];
  const seen = await readStates(tx, work, false);
  const moving = work.filter((w) => changes(w, seen.get(pairKey(w.rule.id, w.deviceId)) ?? INITIAL_STATE));
  if (moving.length === 0) return [];
  const locked = await readStates(tx, moving, true);
  const changes_: AlertChange[] = [];
  const updates: { ruleId: string; deviceId: string; state: AlertState; lastValue: number }[] = [];
  for (const w of moving) {
    let state = locked.get(pairKey(w.rule.id, w.deviceId)) ?? INITIAL_STATE;
    let lastValue = NaN;
    for (const reading of w.readings) {
      const { next, transition } = evaluateReading(w.rule.threshold, state, reading.ts, reading.value);
      if (next !== state) lastValue = reading.value;
      state = next;
      if (transition) {
        const change = await applyTransition(tx, w, transition);
        if (change) changes_.push(change);
      }
    }
    if (!Number.isNaN(lastValue)) updates.push({ ruleId: w.rule.id, deviceId: w.deviceId, state, lastValue });
  }
  await saveStates(tx, updates);
  return changes_;
}

/** Would these readings move the pair's state (or its clock)? Pure: evaluates on a copy. */
function changes(w: Work, start: AlertState): boolean {
  let state = start;
  for (const r of w.readings) state = evaluateReading(w.rule.threshold, state, r.ts, r.value).next;
  return state.state !== start.state || state.since !== start.since;
}

function collectWork(rules: RuleSet, scopes: Map<string, DeviceScope>, readings: CommittedReading[]): Work[] {
  if (rules.byMetric.size === 0) return [];
  // Rules are looked up once per device and metric, not per reading.
  const bySeries = new Map<string, CommittedReading[]>();
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

const pairKey = (ruleId: string, deviceId: string) => `${ruleId}/${deviceId}`;

/** The stored states of these pairs; `lock`: created where missing and locked, in a fixed order (no deadlocks between workers). */
async function readStates(tx: Tx, work: Work[], lock: boolean): Promise<Map<string, AlertState>> {
  const ruleIds = work.map((w) => w.rule.id);
  const deviceIds = work.map((w) => w.deviceId);
  if (lock) {
    await tx`
      insert into alert_states (rule_id, device_id)
      select * from unnest(${ruleIds}::uuid[], ${deviceIds}::uuid[]) order by 1, 2
      on conflict do nothing`;
  }
  const rows = await tx<
    {
      rule_id: string;
      device_id: string;
      state: AlertState["state"];
      since: number | null;
      last_ts: number | null;
    }[]
  >`
    select s.rule_id, s.device_id, s.state,
           (extract(epoch from s.since) * 1000)::float8 as since, (extract(epoch from s.last_ts) * 1000)::float8 as last_ts
    from alert_states s join unnest(${ruleIds}::uuid[], ${deviceIds}::uuid[]) as p(rule_id, device_id)
      on s.rule_id = p.rule_id and s.device_id = p.device_id
    ${lock ? tx`order by s.rule_id, s.device_id for update of s` : tx``}`;
  return new Map(
    rows.map((r) => [pairKey(r.rule_id, r.device_id), { state: r.state, since: r.since, lastTs: r.last_ts }]),
  );
}

async function saveStates(
  tx: Tx,
  updates: { ruleId: string; deviceId: string; state: AlertState; lastValue: number }[],
): Promise<void> {
  if (updates.length === 0) return;
  const ms = (n: number | null) => (n === null ? null : n);
  await tx`
    update alert_states s set state = u.state, since = to_timestamp(u.since / 1000.0), last_ts = to_timestamp(u.last_ts / 1000.0),
           last_value = u.last_value, updated_at = now()
    from unnest(${updates.map((u) => u.ruleId)}::uuid[], ${updates.map((u) => u.deviceId)}::uuid[], ${updates.map((u) => u.state.state)}::text[],
                ${updates.map((u) => ms(u.state.since)) as number[]}::float8[], ${updates.map((u) => ms(u.state.lastTs)) as number[]}::float8[],
                ${updates.map((u) => u.lastValue)}::float8[]) as u(rule_id, device_id, state, since, last_ts, last_value)
    where s.rule_id = u.rule_id and s.device_id = u.device_id`;
}

/** Opens or closes the episode; null when another evaluator got there first. */
export async function applyTransition(
  tx: Tx,
  w: Pick<Work, "rule" | "deviceId" | "deviceKey">,
  t: NonNullable<Transition>,
): Promise<AlertChange | null> {
  const base = {
    type: "alert" as const,
    device: w.deviceKey,
    ruleId: w.rule.id,
    severity: w.rule.severity,
    ts: t.at,
    value: t.value,
  };
  if (t.kind === "fire") {
    const [row] = await tx<{ id: string }[]>`
      insert into alerts (rule_id, device_id, severity, started_at, value, last_notified_at)
      values (${w.rule.id}, ${w.deviceId}, ${w.rule.severity}, to_timestamp(${t.at} / 1000.0), ${t.value}, now())
      on conflict (rule_id, device_id) where resolved_at is null do nothing returning id`;
    return row ? withNotifications(tx, { ...base, alertId: row.id, state: "firing" as const }) : null;
  }
  const [row] = await tx<{ id: string }[]>`
    update alerts set resolved_at = to_timestamp(${t.at} / 1000.0), resolved_value = ${t.value}
    where rule_id = ${w.rule.id} and device_id = ${w.deviceId} and resolved_at is null returning id`;
  return row ? withNotifications(tx, { ...base, alertId: row.id, state: "resolved" as const }) : null;
}
