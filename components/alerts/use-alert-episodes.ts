"use client";

import { useAlerts } from "./use-alerts";
import { useRules } from "./use-rules";

export interface EpisodeBand {
  from: number;
  /** Null: still firing. */
  to: number | null;
  severity: "info" | "warning" | "critical";
}

const NONE: EpisodeBand[] = [];

/** A device's alert episodes of rules on `metric` (its last 100 alerts), for the chart to shade. */
export function useAlertEpisodes(deviceKey: string, metric: string): EpisodeBand[] {
  const { data: alerts } = useAlerts({ device: deviceKey, state: "history", limit: 100 });
  const { data: rules } = useRules({ enabled: (alerts?.items.length ?? 0) > 0 });
  if (!alerts || !rules) return NONE;
  const onMetric = new Set(rules.filter((r) => r.metric === metric).map((r) => r.id));
  return alerts.items
    .filter((a) => onMetric.has(a.rule.id))
    .map((a) => ({
      from: Date.parse(a.startedAt),
      to: a.resolvedAt ? Date.parse(a.resolvedAt) : null,
      severity: a.severity,
    }));
}
