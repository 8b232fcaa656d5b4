export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  site: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** Details as compact `key=value` pairs; nested values as JSON. */
export function formatDetails(details: AuditEntry["details"]): string {
  if (!details) return "";
  return Object.entries(details)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
}

export function formatTarget(entry: Pick<AuditEntry, "targetType" | "targetId">): string {
  if (!entry.targetType && !entry.targetId) return "";
  return [entry.targetType, entry.targetId].filter(Boolean).join(" ");
}
