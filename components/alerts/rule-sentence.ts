import type { AlertRuleView, Comparison } from "./types";

/** The silences and spells people pick from, in seconds (any other stored value is shown as is). */
export const DURATIONS = [0, 60, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400];

/** "10 minutes", "1 hour", "90 seconds"; 0 reads as "at once" in a sentence. */
export function formatDuration(s: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (s === 0) return "0 minutes";
  if (s % 86_400 === 0 && s >= 86_400 * 2) return plural(s / 86_400, "day");
  if (s % 3600 === 0) return plural(s / 3600, "hour");
  if (s % 60 === 0) return plural(s / 60, "minute");
  return plural(s, "second");
}

/** The duration choices for a select, with a stored odd value kept so editing doesn't change it. */
export function durationChoices(current: number, min = 0): number[] {
  const list = DURATIONS.filter((d) => d >= min);
  return list.includes(current) ? list : [...list, current].sort((a, b) => a - b);
}

export const COMPARISON_WORDS: Record<Comparison, string> = {
  above: "above",
  at_or_above: "at or above",
  below: "below",
  at_or_below: "at or below",
  outside: "outside",
  inside: "between",
};

export const isRange = (c: Comparison | undefined) => c === "outside" || c === "inside";

/** Names for the parts of a rule the sentence mentions (labels, units, site and device names). */
export interface SentenceContext {
  metricLabel?: string;
  unit?: string;
  deviceName?: string;
  siteName?: string;
  typeName?: string;
  /** The names of the webhooks the rule notifies (ids when unknown). */
  webhookNames?: string[];
}

type RuleLike = Pick<
  AlertRuleView,
  | "device"
  | "site"
  | "type"
  | "kind"
  | "metric"
  | "comparison"
  | "threshold"
  | "thresholdHigh"
  | "forS"
  | "clearThreshold"
  | "clearThresholdHigh"
  | "clearForS"
  | "severity"
>;

/** A number the sentence can show (a half-typed one reads as "…"). */
const known = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

const withUnit = (n: number, unit?: string) => (unit ? `${n} ${unit}` : String(n));

/** "20 %", "18 – 24 °C": a threshold (or band) with the metric's unit. */
function amount(
  comparison: Comparison | undefined,
  low: number | null | undefined,
  high: number | null | undefined,
  unit?: string,
): string {
  if (!known(low)) return "…";
  if (!isRange(comparison)) return withUnit(low, unit);
  return `${low} – ${known(high) ? high : "…"}${unit ? ` ${unit}` : ""}`;
}

/** "on farm-soil-01", "on soil sensors in North farm", "on any device in North farm". */
export function describeScope(
  rule: Pick<RuleLike, "device" | "site" | "type">,
  ctx: SentenceContext = {},
): string {
  // "" is a device rule whose device is not chosen yet (the editor).
  if (rule.device !== undefined) return `on ${ctx.deviceName || rule.device || "…"}`;
  const site = ctx.siteName || rule.site || "…";
  if (rule.type) return `on ${ctx.typeName || rule.type} devices in ${site}`;
  return `on any device in ${site}`;
}

/** For `{comparison}`: a spell of 0 means the first reading past the line. */
const spell = (s: number) => (s === 0 ? "" : ` for ${formatDuration(s)}`);

/** The rule as one sentence, as the list and the editor's summary line read it. */
export function describeRule(rule: RuleLike, ctx: SentenceContext = {}): string {
  const metric = ctx.metricLabel || rule.metric || "…";
  const scope = describeScope(rule, ctx);
  if (rule.kind === "no_data") {
    const what = rule.metric ? `no reading of ${metric}` : "no reading at all";
    return `When ${what} arrives ${scope.replace(/^on /, "from ")} for ${formatDuration(rule.forS)}, raise ${rule.severity}${notify(ctx)}.`;
  }
  const cmp = rule.comparison ? COMPARISON_WORDS[rule.comparison] : "…";
  let text = `When ${metric} ${scope} is ${cmp} ${amount(rule.comparison, rule.threshold, rule.thresholdHigh, ctx.unit)}${spell(rule.forS)}, raise ${rule.severity}`;
  if (rule.clearThreshold !== undefined && rule.clearThreshold !== null) {
    text += `; clear when ${clearWords(rule.comparison)} ${amount(rule.comparison, rule.clearThreshold, rule.clearThresholdHigh, ctx.unit)}${spell(rule.clearForS)}`;
  } else if (rule.clearForS > 0) {
    text += `; clear when back to normal for ${formatDuration(rule.clearForS)}`;
  }
  return `${text}${notify(ctx)}.`;
}

const notify = (ctx: SentenceContext) =>
  ctx.webhookNames?.length ? `, and notify ${ctx.webhookNames.join(", ")}` : "";

/** The clear line sits on the safe side: "below 20, clear above 25". */
export function clearWords(c: Comparison | undefined): string {
  switch (c) {
    case "below":
    case "at_or_below":
      return "above";
    case "above":
    case "at_or_above":
      return "below";
    case "outside":
      return "back between";
    case "inside":
      return "outside";
    default:
      return "past";
  }
}

/** A short default name: "Soil moisture below 20 %", "No data from farm-soil-01". */
export function suggestName(rule: RuleLike, ctx: SentenceContext = {}): string {
  const metric = ctx.metricLabel || rule.metric || "";
  if (rule.kind === "no_data")
    return `No ${rule.metric ? `${metric} ` : ""}data ${describeScope(rule, ctx).replace(/^on /, "from ")}`.slice(
      0,
      120,
    );
  if (!rule.comparison || !metric) return "";
  const text = `${metric.charAt(0).toUpperCase()}${metric.slice(1)} ${COMPARISON_WORDS[rule.comparison]} ${amount(rule.comparison, rule.threshold, rule.thresholdHigh, ctx.unit)}`;
  return text.slice(0, 120);
}
