"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { SiteOption } from "../api/types";
import { STATUS_LABEL } from "../ui/status-dot";
import type { DeviceFilters as Filters } from "./use-device-filters";

const FIELD =
  "rounded-md border border-border bg-surface px-3 py-2 text-sm shadow-xs outline-none focus:border-accent focus:ring-2 focus:ring-accent/30";

interface Props {
  filters: Filters;
  sites: SiteOption[];
  /** Device types of the visible devices (slug and name, like sites). */
  types: SiteOption[];
  onChange: (patch: Partial<Filters>) => void;
  searchRef?: RefObject<HTMLInputElement | null>;
}

/** Search, site, type and status filters for the fleet list. The search waits for a pause in typing. */
export function DeviceFilters({ filters, sites, types, onChange, searchRef }: Props) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (value: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ q: value.trim() }), delay);
  };

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <label className="relative flex-1 sm:max-w-xs">
        <span className="sr-only">Search devices</span>
        <svg
          viewBox="0 0 24 24"
          className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" strokeLinecap="round" />
        </svg>
        <input
          ref={searchRef}
          type="search"
          placeholder="Search by name or key"
          defaultValue={filters.q}
          onChange={(e) => search(e.target.value, 300)}
          onKeyDown={(e) => e.key === "Enter" && search(e.currentTarget.value, 0)}
          className={`${FIELD} w-full pl-8`}
        />
      </label>
      <div className="flex gap-2">
        {(sites.length > 1 || filters.site !== "") && (
          <OptionFilter
            label="Site"
            all="All sites"
            value={filters.site}
            options={sites}
            onChange={(site) => onChange({ site })}
          />
        )}
        {(types.length > 1 || filters.type !== "") && (
          <OptionFilter
            label="Type"
            all="All types"
            value={filters.type}
            options={types}
            onChange={(type) => onChange({ type })}
          />
        )}
        <label className="flex-1 sm:flex-none">
          <span className="sr-only">Status</span>
          <select
            value={filters.status}
            onChange={(e) => onChange({ status: e.target.value as Filters["status"] })}
            className={`${FIELD} w-full`}
          >
            <option value="">Any status</option>
            {(["online", "offline", "never"] as const).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}

/** A select over named options (sites, types) with an "all" choice first. */
function OptionFilter({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string;
  options: SiteOption[];
  onChange: (slug: string) => void;
}) {
  return (
    <label className="flex-1 sm:flex-none">
      <span className="sr-only">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className={`${FIELD} w-full`}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
