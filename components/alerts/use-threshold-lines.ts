"use client";

import { thresholdLines, type ThresholdLine } from "./rule-match";
import { useDevice } from "./use-alert-options";
import { useRules } from "./use-rules";

const NONE: ThresholdLine[] = [];

/**
 * The threshold lines a device's metric chart draws. The device comes from the cache the device
 * page already keeps (its site and type decide which site-wide rules cover it).
 */
export function useThresholdLines(deviceKey: string, metric: string): ThresholdLine[] {
  const { data: device } = useDevice(deviceKey);
  const { data: rules } = useRules({ enabled: device !== undefined });
  if (!device || !rules) return NONE;
  return thresholdLines(
    rules,
    { key: device.key, site: device.site.slug, type: device.type?.slug ?? null },
    metric,
  );
}
