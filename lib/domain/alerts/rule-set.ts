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

/**
 * A rule sees only devices at its own site, a device rule too: a device moved to another site
 * leaves its old site's rules behind (and with them that site's webhooks).
 */
export function ruleApplies(rule: CompiledRule, deviceId: string, device: DeviceScope): boolean {
  if (rule.siteId !== device.siteId) return false;
  if (rule.deviceId) return rule.deviceId === deviceId;
  return rule.typeId === null || rule.typeId === device.typeId;
}

/** Threshold rules of one metric, by the device they name, or by site for site and type rules. */
interface MetricRules {
  byDevice: Map<string, CompiledRule[]>;
  bySite: Map<string, CompiledRule[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

/**
 * The enabled rules indexed by metric, then device or site, so a batch's readings find their
 * rules in a few map lookups: with 1,000 rules a reading costs no scan of them.
 */
export class RuleSet {
  readonly byMetric = new Map<string, MetricRules>();
  readonly noData: CompiledRule[] = [];
  readonly byId = new Map<string, CompiledRule>();

  constructor(readonly rules: CompiledRule[]) {
    for (const rule of rules) {
      this.byId.set(rule.id, rule);
      if (rule.kind === "no_data") this.noData.push(rule);
      else if (rule.metric) {
        let m = this.byMetric.get(rule.metric);
        if (!m) this.byMetric.set(rule.metric, (m = { byDevice: new Map(), bySite: new Map() }));
        if (rule.deviceId) push(m.byDevice, rule.deviceId, rule);
        else push(m.bySite, rule.siteId, rule);
      }
    }
  }

  thresholdRulesFor(metric: string, deviceId: string, device: DeviceScope): CompiledRule[] {
    const m = this.byMetric.get(metric);
    if (!m) return [];
    const own = (m.byDevice.get(deviceId) ?? []).filter((rule) => rule.siteId === device.siteId);
    const site = (m.bySite.get(device.siteId) ?? []).filter((rule) => ruleApplies(rule, deviceId, device));
    return site.length === 0 ? own : [...own, ...site];
  }
}

export const EMPTY_RULES = new RuleSet([]);
