"use client";

import { SelectField } from "../ui/field";
import { useSiteDevices, useSites } from "./use-alert-options";
import type { AlertFilters as Filters } from "./use-alert-filters";
import { SEVERITIES, SEVERITY_LABEL } from "./types";

/** Severity, site and device; the device list follows the chosen site. */
export function AlertFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}) {
  const sites = useSites();
  const devices = useSiteDevices(filters.site);
  const deviceOptions = devices.data ?? [];
  // A device from a shared link that is not among the options still shows as chosen.
  const unlisted = filters.device && !deviceOptions.some((d) => d.key === filters.device);
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[10rem_14rem_16rem]">
      <SelectField
        label="Severity"
        value={filters.severity}
        onChange={(e) => onChange({ severity: e.target.value as Filters["severity"] })}
      >
        <option value="">All severities</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABEL[s]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Site"
        value={filters.site}
        onChange={(e) => onChange({ site: e.target.value, device: "" })}
      >
        <option value="">All sites</option>
        {sites.data?.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Device"
        className="col-span-2 sm:col-span-1"
        value={filters.device}
        onChange={(e) => onChange({ device: e.target.value })}
      >
        <option value="">All devices</option>
        {unlisted && <option value={filters.device}>{filters.device}</option>}
        {deviceOptions.map((d) => (
          <option key={d.key} value={d.key}>
            {d.name} ({d.key})
          </option>
        ))}
      </SelectField>
    </div>
  );
}
