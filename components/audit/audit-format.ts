import type { AuditEntryView } from "@/lib/server/db/queries/audit-log";

/** Details as compact `key=value` pairs; nested values as JSON. */
export function formatDetails(details: AuditEntryView["details"]): string {
  if (!details) return "";
  return Object.entries(details)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
}

export function formatTarget(entry: Pick<AuditEntryView, "targetType" | "targetId">): string {
  if (!entry.targetType && !entry.targetId) return "";
  return [entry.targetType, entry.targetId].filter(Boolean).join(" ");
}
