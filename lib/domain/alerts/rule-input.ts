import { z } from "zod";
import { isValidMetricName } from "../telemetry/topic";

const COMPARISONS = ["above", "at_or_above", "below", "at_or_below", "outside", "inside"] as const;
const seconds = (max: number) =>
  z
    .number()
    .int("whole seconds")
    .min(0, "can't be negative")
    .max(max, `at most ${max / 86_400} days`);

/** A rule as people write it; the checks that need two fields are below. */
const fields = z.object({
  name: z.string().trim().min(1, "required").max(120),
  // One device, the devices of a type in a site, or a whole site.
  device: z.string().optional(),
  site: z.string().optional(),
  type: z.string().optional(),
  kind: z.enum(["threshold", "no_data"]).default("threshold"),
  metric: z.string().trim().refine(isValidMetricName, "not a metric name").nullish(),
  comparison: z.enum(COMPARISONS).optional(),
  threshold: z.number().optional(),
  thresholdHigh: z.number().optional(),
  forS: seconds(7 * 86_400).default(0),
  clearThreshold: z.number().nullish(),
  clearThresholdHigh: z.number().nullish(),
  clearForS: seconds(7 * 86_400).default(0),
  severity: z.enum(["info", "warning", "critical"]).default("warning"),
  repeatEveryS: seconds(7 * 86_400).nullish(),
  enabled: z.boolean().default(true),
  // Ids of endpoints of the rule's site to notify when it fires and resolves (absent: none / unchanged).
  webhooks: z.array(z.string()).max(20, "at most 20 webhooks").optional(),
});

type Fields = z.infer<typeof fields>;

function checkRule(rule: Fields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!rule.device && !rule.site) issue("site", "choose a device, or a site (and optionally a type)");
  if (rule.device && (rule.site || rule.type))
    issue("device", "a rule is for one device, or for a site (and type), not both");
  if (rule.kind === "no_data") {
    if (rule.forS < 60) issue("forS", "a no-data rule needs a silence of at least 60 seconds");
    return;
  }
  if (!rule.metric) issue("metric", "which metric?");
  if (!rule.comparison) issue("comparison", "above, below, outside or inside?");
  if (rule.threshold === undefined) issue("threshold", "required");
  const range = rule.comparison === "outside" || rule.comparison === "inside";
  if (
    range &&
    (rule.thresholdHigh === undefined || rule.threshold === undefined || rule.thresholdHigh <= rule.threshold)
  )
    issue("thresholdHigh", "the upper bound must be above the lower one");
  if (rule.clearThreshold !== undefined && rule.clearThreshold !== null && rule.threshold !== undefined) {
    // The clear line sits on the far side of the threshold: "below 20, clear above 25".
    const wrongSide =
      rule.comparison === "below" || rule.comparison === "at_or_below"
        ? rule.clearThreshold < rule.threshold
        : rule.comparison === "above" || rule.comparison === "at_or_above"
          ? rule.clearThreshold > rule.threshold
          : false;
    if (wrongSide) issue("clearThreshold", "the clear threshold must be on the safe side of the threshold");
  }
}

export const alertRuleInput = fields.superRefine(checkRule);
export type AlertRuleInput = z.infer<typeof alertRuleInput>;
