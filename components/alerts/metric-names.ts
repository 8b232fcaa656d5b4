import type { MetricSpec } from "@/lib/domain/devices/types";
import type { DeviceTypeView } from "@/lib/server/db/queries/device-types";
import { metricLabel } from "../ui/format";
import type { SentenceContext } from "./rule-sentence";
import type { AlertRuleView } from "./types";

/** The metrics of the given types, each name once (the first type that declares it names it). */
export function metricsOf(types: DeviceTypeView[]): MetricSpec[] {
  const seen = new Map<string, MetricSpec>();
  for (const t of types) for (const m of t.metrics) if (!seen.has(m.name)) seen.set(m.name, m);
  return [...seen.values()];
}

/** Labels, unit and names for a rule's sentence, from what the pickers already loaded. */
export function sentenceContext(
  rule: Pick<AlertRuleView, "metric" | "site" | "type">,
  types: DeviceTypeView[] = [],
  sites: { slug: string; name: string }[] = [],
): SentenceContext {
  const type = types.find((t) => t.slug === rule.type);
  const spec = (type ? type.metrics : metricsOf(types)).find((m) => m.name === rule.metric);
  return {
    metricLabel: spec ? metricLabel(spec) : undefined,
    unit: spec?.unit,
    typeName: type?.name,
    siteName: sites.find((s) => s.slug === rule.site)?.name,
  };
}
