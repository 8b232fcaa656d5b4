"use client";

import { dayParam, localDayStart, pageParam, useUrlFilters } from "../ui/use-url-filters";

export const AUDIT_PAGE_SIZE = 50;

/** The action prefixes the filter offers ("" is everything). */
export const ACTION_PREFIXES = [
  { value: "", label: "All actions" },
  { value: "auth.", label: "Sign-in" },
  { value: "user.", label: "Users" },
  { value: "token.", label: "API tokens" },
  { value: "site.", label: "Sites" },
  { value: "quarantine.", label: "Quarantine" },
] as const;

export interface AuditFilters {
  action: string;
  actor: string;
  /** Local calendar days, YYYY-MM-DD, both included; "" for open-ended. */
  from: string;
  to: string;
  page: number;
}

const DEFAULTS: AuditFilters = { action: "", actor: "", from: "", to: "", page: 1 };

function parse(params: URLSearchParams): AuditFilters {
  return {
    action: params.get("action") ?? "",
    actor: params.get("actor") ?? "",
    from: dayParam(params, "from"),
    to: dayParam(params, "to"),
    page: pageParam(params),
  };
}

/** The audit log's filters, kept in the URL. */
export function useAuditFilters() {
  const { filters, update } = useUrlFilters(parse, DEFAULTS);
  const active = filters.action !== "" || filters.actor !== "" || filters.from !== "" || filters.to !== "";
  return { filters, update, active };
}

/** The query string GET /api/audit wants for these filters. */
export function auditQueryString(f: AuditFilters): string {
  const qs = new URLSearchParams({ page: String(f.page), pageSize: String(AUDIT_PAGE_SIZE) });
  if (f.action) qs.set("action", f.action);
  if (f.actor.trim()) qs.set("actor", f.actor.trim());
  if (f.from) qs.set("from", String(localDayStart(f.from)));
  if (f.to) qs.set("to", String(localDayStart(f.to, 1)));
  return qs.toString();
}
