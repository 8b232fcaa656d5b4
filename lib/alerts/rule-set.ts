import type { ThresholdRule } from "./rule";

/** An enabled rule, ready to match devices and evaluate readings. */
export interface CompiledRule {
  id: string;
  siteId: string;
  deviceId: string | null;
  typeId: string | null;
  kind: "threshold" | "no_data";
  /** Threshold: the metric compared. No-data: the metric watched, null for anything. */
  metric: string | null;
  severity: "info" | "warning" | "critical";
  threshold: ThresholdRule;
  /** No-data rules: how long a silence fires. */
  silenceMs: number;
}

/** Where a device sits, which decides the rules that apply to it. */
export interface DeviceScope {
  siteId: string;
  typeId: string | null;
}

export function ruleApplies(rule: CompiledRule, deviceId: string, device: DeviceScope): boolean {
  if (rule.deviceId) return rule.deviceId === deviceId;
  if (rule.siteId !== device.siteId) return false;
  return rule.typeId === null || rule.typeId === device.typeId;
}

/**
 * The enabled threshold rules by metric, so a batch's readings find their rules with one map
 * lookup each: with 1,000 rules most readings match none and cost nothing more.
 */
export class RuleSet {
  readonly byMetric = new Map<string, CompiledRule[]>();
  readonly noData: CompiledRule[] = [];
  readonly byId = new Map<string, CompiledRule>();

  constructor(readonly rules: CompiledRule[]) {
    for (const rule of rules) {
      this.byId.set(rule.id, rule);
      if (rule.kind === "no_data") this.noData.push(rule);
      else if (rule.metric) this.byMetric.set(rule.metric, [...(this.byMetric.get(rule.metric) ?? []), rule]);
    }
  }

  thresholdRulesFor(metric: string, deviceId: string, device: DeviceScope): CompiledRule[] {
    return (this.byMetric.get(metric) ?? []).filter((rule) => ruleApplies(rule, deviceId, device));
  }
}

export const EMPTY_RULES = new RuleSet([]);
