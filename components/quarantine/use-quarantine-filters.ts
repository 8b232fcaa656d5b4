"use client";

import { dayParam, localDayStart, pageParam, useUrlFilters } from "../ui/use-url-filters";
import { REASON_LABELS } from "./reason-labels";

export const QUARANTINE_PAGE_SIZE = 50;
const STATES = ["pending", "replayed", "all"] as const;

export interface QuarantineFilters {
  device: string;
  reason: string;
  /** Local calendar days, YYYY-MM-DD, both included; "" for open-ended. */
  from: string;
  to: string;
  state: (typeof STATES)[number];
  page: number;
}

const DEFAULTS: QuarantineFilters = { device: "", reason: "", from: "", to: "", state: "pending", page: 1 };

function parse(params: URLSearchParams): QuarantineFilters {
  const state = params.get("state") as QuarantineFilters["state"] | null;
  const reason = params.get("reason") ?? "";
  return {
    device: params.get("device") ?? "",
    reason: reason in REASON_LABELS ? reason : "",
    from: dayParam(params, "from"),
    to: dayParam(params, "to"),
    state: state && STATES.includes(state) ? state : "pending",
    page: pageParam(params),
  };
}

/** The quarantine list's filters, kept in the URL. */
export function useQuarantineFilters() {
  const { filters, update } = useUrlFilters(parse, DEFAULTS);
  const active = filters.device !== "" || filters.reason !== "" || filters.from !== "" || filters.to !== "";
  return { filters, update, active };
}

/** The filter as the API takes it (query string for the list, JSON for replay-all). */
export function apiFilter(f: QuarantineFilters): Record<string, string | number> {
  const out: Record<string, string | number> = { state: f.state };
  if (f.device.trim()) out.device = f.device.trim().toLowerCase();
  if (f.reason) out.reason = f.reason;
  if (f.from) out.from = localDayStart(f.from);
  if (f.to) out.to = localDayStart(f.to, 1);
  return out;
}

export function quarantineQueryString(f: QuarantineFilters): string {
  const qs = new URLSearchParams({ page: String(f.page), pageSize: String(QUARANTINE_PAGE_SIZE) });
  for (const [k, v] of Object.entries(apiFilter(f))) qs.set(k, String(v));
  return qs.toString();
}
