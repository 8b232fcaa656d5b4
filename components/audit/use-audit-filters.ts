"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

export const AUDIT_PAGE_SIZE = 50;

/** The action prefixes the filter offers ("" is everything). */
export const ACTION_PREFIXES = [
  { value: "", label: "All actions" },
  { value: "auth.", label: "Sign-in" },
  { value: "user.", label: "Users" },
  { value: "token.", label: "API tokens" },
  { value: "site.", label: "Sites" },
] as const;

export interface AuditFilters {
  action: string;
  actor: string;
  /** Local calendar days, YYYY-MM-DD, both included; "" for open-ended. */
  from: string;
  to: string;
  page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log's filters, kept in the URL so a view can be bookmarked and shared. */
export function useAuditFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const filters = useMemo<AuditFilters>(() => {
    const day = (name: string) => (DAY.test(params.get(name) ?? "") ? params.get(name)! : "");
    const page = Number.parseInt(params.get("page") ?? "", 10);
    return { action: params.get("action") ?? "", actor: params.get("actor") ?? "", from: day("from"), to: day("to"), page: page > 0 ? page : 1 };
  }, [params]);

  const update = useCallback(
    (patch: Partial<AuditFilters>) => {
      const next = new URLSearchParams(params.toString());
      // A new filter starts again at the first page.
      for (const [name, value] of Object.entries({ ...patch, page: patch.page ?? 1 })) {
        if (String(value).trim() === "" || (name === "page" && value === 1)) next.delete(name);
        else next.set(name, String(value));
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  const active = filters.action !== "" || filters.actor !== "" || filters.from !== "" || filters.to !== "";
  return { filters, update, active };
}

/** Local midnight of a YYYY-MM-DD day, in epoch ms (`plusDays` moves it, e.g. 1 for an inclusive end). */
function localDayStart(day: string, plusDays = 0): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).getTime();
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
