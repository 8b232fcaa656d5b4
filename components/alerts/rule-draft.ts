import type { AlertRuleInput } from "@/lib/domain/alerts/rule-input";
import { isRange } from "./rule-sentence";
import type { AlertRuleView, Comparison, Severity } from "./types";

export type ScopeKind = "device" | "type" | "site";

/** The editor's state: numbers still as typed (so "-" or "2." mid-typing is fine), scope as a choice. */
export interface RuleDraft {
  name: string;
  /** False while the name is the suggested one, so it follows the sentence. */
  nameEdited: boolean;
  scope: ScopeKind;
  device: string;
  site: string;
  type: string;
  kind: "threshold" | "no_data";
  /** "" for a no-data rule on anything. */
  metric: string;
  comparison: Comparison;
  threshold: string;
  thresholdHigh: string;
  forS: number;
  /** Hysteresis: clear only past a separate line. */
  clearAt: boolean;
  clearThreshold: string;
  clearThresholdHigh: string;
  clearForS: number;
  severity: Severity;
  enabled: boolean;
  /** Webhook ids to notify; null leaves the rule's as they are (operators can't list them). */
  webhooks: string[] | null;
  /** Notify again every this many seconds while firing and unacknowledged; 0: once. */
  repeatEveryS: number;
}

export function newDraft(prefill: Partial<Pick<RuleDraft, "device" | "site" | "metric">> = {}): RuleDraft {
  return {
    name: "",
    nameEdited: false,
    scope: prefill.device ? "device" : "site",
    device: prefill.device ?? "",
    site: prefill.site ?? "",
    type: "",
    kind: "threshold",
    metric: prefill.metric ?? "",
    comparison: "below",
    threshold: "",
    thresholdHigh: "",
    forS: 600,
    clearAt: false,
    clearThreshold: "",
    clearThresholdHigh: "",
    clearForS: 0,
    severity: "warning",
    enabled: true,
    webhooks: null,
    repeatEveryS: 0,
  };
}

const text = (n: number | null | undefined) => (n === undefined || n === null ? "" : String(n));

export function draftFromRule(rule: AlertRuleView): RuleDraft {
  const hasClear = rule.clearThreshold !== undefined && rule.clearThreshold !== null;
  return {
    name: rule.name,
    nameEdited: true,
    scope: rule.device ? "device" : rule.type ? "type" : "site",
    device: rule.device ?? "",
    site: rule.site ?? "",
    type: rule.type ?? "",
    kind: rule.kind,
    metric: rule.metric ?? "",
    comparison: rule.comparison ?? "below",
    threshold: text(rule.threshold),
    thresholdHigh: text(rule.thresholdHigh),
    forS: rule.forS,
    clearAt: hasClear,
    clearThreshold: text(rule.clearThreshold),
    clearThresholdHigh: text(rule.clearThresholdHigh),
    clearForS: rule.clearForS,
    severity: rule.severity,
    enabled: rule.enabled,
    webhooks: rule.webhooks ?? null,
    repeatEveryS: rule.repeatEveryS ?? 0,
  };
}

/** A typed number, or undefined when blank; NaN when it isn't one (reported by `draftProblems`). */
function num(s: string): number | undefined {
  if (s.trim() === "") return undefined;
  return Number(s.replace(",", "."));
}

/**
 * The API body for a draft. Every field is sent, so a PATCH replaces the rule as the editor shows it
 * (a removed clear line goes as null; the scope as one of device, or site and type).
 */
export function draftToInput(d: RuleDraft, name: string): AlertRuleInput {
  const scope =
    d.scope === "device"
      ? { device: d.device }
      : d.scope === "type"
        ? { site: d.site, type: d.type }
        : { site: d.site };
  const common = {
    name,
    ...scope,
    kind: d.kind,
    forS: d.forS,
    severity: d.severity,
    enabled: d.enabled,
    repeatEveryS: d.repeatEveryS || null,
    ...(d.webhooks ? { webhooks: d.webhooks } : {}),
  };
  if (d.kind === "no_data")
    return {
      ...common,
      metric: d.metric || null,
      clearForS: 0,
      clearThreshold: null,
      clearThresholdHigh: null,
    };
  const range = isRange(d.comparison);
  return {
    ...common,
    metric: d.metric,
    comparison: d.comparison,
    threshold: num(d.threshold),
    thresholdHigh: range ? num(d.thresholdHigh) : undefined,
    clearThreshold: d.clearAt ? (num(d.clearThreshold) ?? null) : null,
    clearThresholdHigh: d.clearAt && range ? (num(d.clearThresholdHigh) ?? null) : null,
    clearForS: d.clearForS,
  };
}

/** What the browser can tell before asking the server: by field name, as the server names them. */
export function draftProblems(d: RuleDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.scope === "device" && !d.device) out.device = "Choose a device";
  if (d.scope !== "device" && !d.site) out.site = "Choose a site";
  if (d.scope === "type" && !d.type) out.type = "Choose a device type";
  if (d.kind === "no_data") {
    if (d.forS < 60) out.forS = "A silence of at least a minute";
    return out;
  }
  if (!d.metric) out.metric = "Choose a metric";
  const check = (field: keyof RuleDraft & string, value: string, required: boolean) => {
    const n = num(value);
    if (n === undefined ? required : !Number.isFinite(n))
      out[field] = n === undefined ? "Enter a number" : "Not a number";
  };
  check("threshold", d.threshold, true);
  if (isRange(d.comparison)) check("thresholdHigh", d.thresholdHigh, true);
  if (d.clearAt) {
    check("clearThreshold", d.clearThreshold, true);
    if (isRange(d.comparison)) check("clearThresholdHigh", d.clearThresholdHigh, true);
  }
  return out;
}
