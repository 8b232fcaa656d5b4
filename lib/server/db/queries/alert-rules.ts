import type { Sql } from "../connect";
import { RuleSet, type CompiledRule } from "../../../domain/alerts/rule-set";

type Row = {
  id: string;
  site_id: string;
  device_id: string | null;
  type_id: string | null;
  kind: "threshold" | "no_data";
  metric: string | null;
  comparison: CompiledRule["threshold"]["comparison"] | null;
  threshold: number | null;
  threshold_high: number | null;
  for_s: number;
  clear_threshold: number | null;
  clear_threshold_high: number | null;
  clear_for_s: number;
  severity: CompiledRule["severity"];
};

const orUndefined = (n: number | null) => (n === null ? undefined : n);

/** Every enabled rule, compiled for the evaluator (the worker reloads them every few seconds). */
export async function loadEnabledRules(sql: Sql): Promise<RuleSet> {
  const rows = await sql<Row[]>`
    select id, site_id, device_id, type_id, kind, metric, comparison, threshold, threshold_high, for_s,
           clear_threshold, clear_threshold_high, clear_for_s, severity
    from alert_rules where enabled`;
  return new RuleSet(
    rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      deviceId: r.device_id,
      typeId: r.type_id,
      kind: r.kind,
      metric: r.metric,
      severity: r.severity,
      silenceMs: r.for_s * 1000,
      threshold: {
        comparison: r.comparison ?? "above",
        threshold: r.threshold ?? 0,
        thresholdHigh: orUndefined(r.threshold_high),
        forMs: r.for_s * 1000,
        clearThreshold: orUndefined(r.clear_threshold),
        clearThresholdHigh: orUndefined(r.clear_threshold_high),
        clearForMs: r.clear_for_s * 1000,
      },
    })),
  );
}
