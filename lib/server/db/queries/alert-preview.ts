import type { AlertRuleInput } from "../../../domain/alerts/rule-input";
import {
  silenceEpisodes,
  thresholdEpisodes,
  type Episode,
  type MinutePoint,
} from "../../../domain/alerts/preview";
import type { Sql } from "../connect";
import type { RuleScope } from "./alert-rules-admin";

/** A preview looks at this many of a scope's devices at most (minute rollups: 10,080 rows each). */
export const PREVIEW_MAX_DEVICES = 50;
const WEEK_MS = 7 * 86_400_000;

/** How a rule would have done, as the preview API answers (times as epoch ms, like the readings API). */
export interface RulePreviewView {
  from: number;
  to: number;
  devicesChecked: number;
  devicesInScope: number;
  fired: number;
  episodes: { device: { key: string; name: string }; start: number; end: number | null }[];
}

/** How the rule would have done over the last 7 days, from the minute rollups (never raw rows). */
export async function previewRule(
  sql: Sql,
  rule: AlertRuleInput,
  scope: RuleScope,
  now = Date.now(),
): Promise<RulePreviewView> {
  const from = now - WEEK_MS;
  const devices = await sql<{ id: string; key: string; name: string; total: number }[]>`
    select id, key, name, count(*) over ()::int as total from devices
    where archived_at is null and ${scope.deviceId ? sql`id = ${scope.deviceId}` : sql`site_id = ${scope.siteId} ${scope.typeId ? sql`and type_id = ${scope.typeId}` : sql``}`}
    order by name limit ${PREVIEW_MAX_DEVICES}`;
  const rows =
    devices.length === 0
      ? []
      : await sql<{ device_id: string; t: number; min: number; max: number; avg: number }[]>`
    select s.device_id, (extract(epoch from r.bucket) * 1000)::float8 as t, min(r.min) as min, max(r.max) as max, sum(r.sum) / sum(r.count) as avg
    from rollups_1m r join series s on s.id = r.series_id
    where s.device_id = any(${devices.map((d) => d.id)}::uuid[]) ${rule.metric ? sql`and s.metric = ${rule.metric}` : sql``}
      and r.bucket >= to_timestamp(${from} / 1000.0)
    group by 1, 2 order by 1, 2`;
  const byDevice = new Map<string, MinutePoint[]>();
  for (const r of rows) {
    const list = byDevice.get(r.device_id);
    if (list) list.push(r);
    else byDevice.set(r.device_id, [r]);
  }
  const episodes = devices.flatMap((d) =>
    episodesOf(rule, byDevice.get(d.id) ?? [], now).map((e) => ({
      device: { key: d.key, name: d.name },
      ...e,
    })),
  );
  episodes.sort((a, b) => a.start - b.start);
  return {
    from,
    to: now,
    devicesChecked: devices.length,
    devicesInScope: devices[0]?.total ?? 0,
    fired: episodes.length,
    episodes: episodes.slice(0, 200),
  };
}

function episodesOf(rule: AlertRuleInput, points: MinutePoint[], now: number): Episode[] {
  if (rule.kind === "no_data")
    return points.length === 0
      ? []
      : silenceEpisodes(
          rule.forS * 1000,
          points.map((p) => p.t),
          now,
        );
  return thresholdEpisodes(
    {
      comparison: rule.comparison!,
      threshold: rule.threshold!,
      thresholdHigh: rule.thresholdHigh,
      forMs: rule.forS * 1000,
      clearThreshold: rule.clearThreshold ?? undefined,
      clearThresholdHigh: rule.clearThresholdHigh ?? undefined,
      clearForMs: rule.clearForS * 1000,
    },
    points,
  );
}
