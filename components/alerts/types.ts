// The alerting API's shapes, shared with the server code that produces them (type-only).
import type { AlertView } from "@/lib/server/db/queries/alerts";
import type { AlertRuleView } from "@/lib/server/db/queries/alert-rules-admin";

export type { AlertView, AlertRuleView };
export type Severity = AlertView["severity"];
export type Comparison = NonNullable<AlertRuleView["comparison"]>;

export const SEVERITIES: Severity[] = ["critical", "warning", "info"];
export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: "Critical",
  warning: "Warning",
  info: "Info",
};

/** What the alerting views may offer this person: the sites (slugs) where they edit rules and acknowledge alerts. */
export interface AlertingRights {
  ruleSites: { slug: string; name: string }[];
  ackSites: string[];
}
