import { isRange } from "./rule-sentence";
import type { AlertRuleView, Severity } from "./types";

/** A device as far as rule matching cares: its key, site and type. */
export interface RuleTarget {
  key: string;
  site: string;
  type: string | null;
}

/** Does the rule cover this device (by key, or by its site and maybe type)? */
export function ruleApplies(rule: Pick<AlertRuleView, "device" | "site" | "type">, d: RuleTarget): boolean {
  if (rule.device) return rule.device === d.key;
  return rule.site === d.site && (!rule.type || rule.type === d.type);
}

export interface ThresholdLine {
  value: number;
  severity: Severity;
  label: string;
}

/** The lines a metric's chart draws: each enabled threshold rule's bound(s) on that metric for that device. */
export function thresholdLines(rules: AlertRuleView[], d: RuleTarget, metric: string): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  for (const r of rules) {
    if (
      !r.enabled ||
      r.kind !== "threshold" ||
      r.metric !== metric ||
      r.threshold === undefined ||
      !ruleApplies(r, d)
    )
      continue;
    lines.push({ value: r.threshold, severity: r.severity, label: r.name });
    if (isRange(r.comparison) && r.thresholdHigh !== undefined)
      lines.push({ value: r.thresholdHigh, severity: r.severity, label: r.name });
  }
  return lines;
}
