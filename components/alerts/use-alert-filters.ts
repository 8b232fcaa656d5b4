"use client";

import { useUrlFilters } from "../ui/use-url-filters";
import { SEVERITIES, type Severity } from "./types";

export interface AlertFilters {
  /** The tab: what is firing now, or every alert, newest first. */
  state: "active" | "history";
  severity: Severity | "";
  site: string;
  device: string;
  /** Unused (the API returns one list), but the URL helper resets it on every change. */
  page: number;
}

const DEFAULTS: AlertFilters = { state: "active", severity: "", site: "", device: "", page: 1 };

function parse(params: URLSearchParams): AlertFilters {
  const severity = params.get("severity") as Severity | null;
  return {
    state: params.get("state") === "history" ? "history" : "active",
    severity: severity && SEVERITIES.includes(severity) ? severity : "",
    site: params.get("site") ?? "",
    device: params.get("device") ?? "",
    page: 1,
  };
}

/** The alerts page's tab and filters, kept in the URL so a filtered view can be shared. */
export function useAlertFilters() {
  const { filters, update } = useUrlFilters(parse, DEFAULTS);
  const active = filters.severity !== "" || filters.site !== "" || filters.device !== "";
  return { filters, update, active };
}
