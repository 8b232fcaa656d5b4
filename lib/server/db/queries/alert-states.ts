import type { AlertState } from "../../../domain/alerts/evaluate";
import type { CompiledRule } from "../../../domain/alerts/rule-set";
import type { AlertEvent } from "../../../domain/live/events";
import type { Tx } from "../connect";

/** A (rule, device) pair's evaluation state as stored; times epoch ms. */
export type StateRow = {
  rule_id: string;
  device_id: string;
  key: string;
  state: AlertState["state"];
  since: number | null;
  last_ts: number | null;
  last_value: number | null;
};

export const toState = (r: Pick<StateRow, "state" | "since" | "last_ts">): AlertState => ({
  state: r.state,
  since: r.since,
  lastTs: r.last_ts,
});

export const pairKey = (ruleId: string, deviceId: string) => `${ruleId}/${deviceId}`;

/** The stored states of these pairs; `lock`: created where missing and locked, in a fixed order (no deadlocks between workers). */
export async function readStates(
  tx: Tx,
  pairs: { ruleId: string; deviceId: string }[],
  lock: boolean,
): Promise<Map<string, AlertState>> {
  const ruleIds = pairs.map((p) => p.ruleId);
  const deviceIds = pairs.map((p) => p.deviceId);
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
  return new Map(rows.map((r) => [pairKey(r.rule_id, r.device_id), toState(r)]));
}

export async function saveStates(
  tx: Tx,
  updates: { ruleId: string; deviceId: string; state: AlertState; lastValue: number }[],
): Promise<void> {
  if (updates.length === 0) return;
  await tx`
    update alert_states s set state = u.state, since = to_timestamp(u.since / 1000.0), last_ts = to_timestamp(u.last_ts / 1000.0),
           last_value = u.last_value, updated_at = now()
    from unnest(${updates.map((u) => u.ruleId)}::uuid[], ${updates.map((u) => u.deviceId)}::uuid[], ${updates.map((u) => u.state.state)}::text[],
                ${updates.map((u) => u.state.since) as number[]}::float8[], ${updates.map((u) => u.state.lastTs) as number[]}::float8[],
                ${updates.map((u) => u.lastValue)}::float8[]) as u(rule_id, device_id, state, since, last_ts, last_value)
    where s.rule_id = u.rule_id and s.device_id = u.device_id`;
}

export async function saveState(tx: Tx, ruleId: string, deviceId: string, s: AlertState): Promise<void> {
  await tx`
    insert into alert_states (rule_id, device_id, state, since, last_ts)
    values (${ruleId}, ${deviceId}, ${s.state}, to_timestamp(${s.since} / 1000.0), to_timestamp(${s.lastTs} / 1000.0))
    on conflict (rule_id, device_id) do update set state = excluded.state, since = excluded.since, last_ts = excluded.last_ts, updated_at = now()`;
}

/**
 * Opens the pair's episode; its id, or null when one is open already (the open-alert unique
 * index) or the device is not at the rule's site now. That last check is here, at the one place
 * an episode (and so a webhook notification) starts, because evaluators judge from caches that
 * may be seconds old. (A move committing meanwhile is caught by the sweep's closeAlertsElsewhere.)
 */
export async function openAlert(
  tx: Tx,
  ruleId: string,
  deviceId: string,
  severity: CompiledRule["severity"],
  at: number,
  value: number,
): Promise<string | null> {
  const [row] = await tx<{ id: string }[]>`
    insert into alerts (rule_id, device_id, severity, started_at, value, last_notified_at)
    select r.id, d.id, ${severity}, to_timestamp(${at} / 1000.0), ${value}, now()
    from alert_rules r join devices d on d.site_id = r.site_id
    where r.id = ${ruleId} and d.id = ${deviceId}
    on conflict (rule_id, device_id) where resolved_at is null do nothing returning id`;
  return row?.id ?? null;
}

/** Closes the pair's open episode; its id, or null when none was open. */
export async function resolveAlert(
  tx: Tx,
  ruleId: string,
  deviceId: string,
  at: number,
  value: number,
): Promise<string | null> {
  const [row] = await tx<{ id: string }[]>`
    update alerts set resolved_at = to_timestamp(${at} / 1000.0), resolved_value = ${value}
    where rule_id = ${ruleId} and device_id = ${deviceId} and resolved_at is null returning id`;
  return row?.id ?? null;
}

/** Threshold pairs with a clock running ("for" or clearing), locked for the sweep. */
export function runningThresholdStates(tx: Tx) {
  return tx<StateRow[]>`
    select s.rule_id, s.device_id, d.key, s.state, s.last_value,
           (extract(epoch from s.since) * 1000)::float8 as since, (extract(epoch from s.last_ts) * 1000)::float8 as last_ts
    from alert_states s join devices d on d.id = s.device_id join alert_rules r on r.id = s.rule_id and r.site_id = d.site_id
    where s.since is not null and r.kind = 'threshold' and r.enabled
    order by s.rule_id, s.device_id for update of s`;
}

/** The devices a no-data rule covers that have reported at least once, with their newest data time and state. */
export function silenceCandidates(tx: Tx, rule: CompiledRule) {
  const newest = rule.metric
    ? tx`(select (extract(epoch from se.latest_ts) * 1000)::float8 from series se where se.device_id = d.id and se.metric = ${rule.metric})`
    : tx`(extract(epoch from d.last_seen_at) * 1000)::float8`;
  return tx<(Partial<StateRow> & { device_id: string; key: string; newest: number | null })[]>`
    select d.id as device_id, d.key, ${newest} as newest, s.state,
           (extract(epoch from s.since) * 1000)::float8 as since, (extract(epoch from s.last_ts) * 1000)::float8 as last_ts
    from devices d left join alert_states s on s.rule_id = ${rule.id} and s.device_id = d.id
    where not d.disabled and d.archived_at is null and d.last_seen_at is not null
      and d.site_id = ${rule.siteId}
      and ${rule.deviceId ? tx`d.id = ${rule.deviceId}` : rule.typeId ? tx`d.type_id = ${rule.typeId}` : tx`true`}`;
}

/**
 * Alerts due a repeat notification: still firing, not acknowledged (someone is on it), of a
 * rule with "repeat every N", N past their last notification. Locked; marked by markNotified.
 */
export async function alertsDueRepeat(tx: Tx): Promise<AlertEvent[]> {
  const due = await tx<
    { id: string; rule_id: string; key: string; severity: AlertEvent["severity"]; value: number | null }[]
  >`
    select a.id, a.rule_id, d.key, a.severity, a.value
    from alerts a join alert_rules r on r.id = a.rule_id join devices d on d.id = a.device_id and d.site_id = r.site_id
    where a.resolved_at is null and a.acked_at is null and r.enabled and r.repeat_every_s > 0
      and coalesce(a.last_notified_at, a.started_at) + make_interval(secs => r.repeat_every_s) <= now()
    for update of a`;
  return due.map((a) => ({
    type: "alert",
    device: a.key,
    alertId: a.id,
    ruleId: a.rule_id,
    state: "firing",
    severity: a.severity,
    ts: Date.now(),
    value: a.value ?? 0,
  }));
}

export async function markNotified(tx: Tx, alertIds: string[]): Promise<void> {
  if (alertIds.length > 0)
    await tx`update alerts set last_notified_at = now() where id = any(${alertIds}::uuid[])`;
}

/**
 * Forgets how a device that moved stood with every rule: its old site's no longer apply, and the
 * new site's start afresh (a state from an earlier stay there, or written from a stale cache
 * just now, would otherwise hold back an alert). Locked first in the evaluators' order.
 */
export async function forgetStates(tx: Tx, deviceId: string): Promise<void> {
  const rows = await tx<{ rule_id: string }[]>`
    select rule_id from alert_states where device_id = ${deviceId} order by rule_id for update`;
  if (rows.length > 0)
    await tx`delete from alert_states where device_id = ${deviceId} and rule_id = any(${rows.map((r) => r.rule_id)}::uuid[])`;
}

/**
 * Closes the open episodes whose device is no longer at their rule's site (of one device, or of
 * all): the old site's incident ends when the device leaves it. The events are for that site's
 * webhooks; `value` is the one the episode started with (nothing was measured to end it).
 */
export async function closeAlertsElsewhere(tx: Tx, deviceId: string | null): Promise<AlertEvent[]> {
  const rows = await tx<
    { id: string; rule_id: string; key: string; severity: AlertEvent["severity"]; value: number | null }[]
  >`
    update alerts a set resolved_at = now()
    from alert_rules r, devices d
    where r.id = a.rule_id and d.id = a.device_id and d.site_id <> r.site_id and a.resolved_at is null
      ${deviceId ? tx`and a.device_id = ${deviceId}` : tx``}
    returning a.id, a.rule_id, d.key, a.severity, a.value`;
  const now = Date.now();
  return rows.map((a) => ({
    type: "alert",
    device: a.key,
    alertId: a.id,
    ruleId: a.rule_id,
    state: "resolved",
    severity: a.severity,
    ts: now,
    value: a.value ?? 0,
  }));
}
