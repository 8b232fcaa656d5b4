"use client";

import { queryKeys } from "../api/keys";
import { useAlerts } from "./use-alerts";

/** Counting past this many says "99+": the badge only needs to say "there is a lot". */
const CAP = 99;

/** How many alerts are firing on the devices this person sees, beside "Alerts" in the menu; nothing when none. */
export function ActiveAlertsBadge() {
  const { data } = useAlerts({ state: "active", limit: CAP + 1 }, { key: queryKeys.alertsBadge() });
  const n = data?.items.length ?? 0;
  if (n === 0) return null;
  const critical = data?.items.some((a) => a.severity === "critical");
  return (
    <span
      data-testid="nav-alert-count"
      className={`ml-auto rounded-full px-1.5 py-0.5 text-xs font-semibold tabular-nums ${critical ? "bg-red-600 text-white" : "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
    >
      {n > CAP ? `${CAP}+` : n}
      <span className="sr-only"> active</span>
    </span>
  );
}
