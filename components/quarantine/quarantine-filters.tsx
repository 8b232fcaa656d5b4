"use client";

import { useEffect, useRef, useState } from "react";
import { DEVICE_KEY_PATTERN } from "@/lib/domain/telemetry/topic";
import { SelectField, TextField } from "../ui/field";
import { REASON_LABELS } from "./reason-labels";
import type { QuarantineFilters as Filters } from "./use-quarantine-filters";

interface Props {
  filters: Filters;
  /** Rows per reason under the other filters. */
  reasons: Record<string, number> | undefined;
  onChange: (patch: Partial<Filters>) => void;
}

/** Device key, reason, a day range and whether replayed rows show. */
export function QuarantineFilters({ filters, reasons, onChange }: Props) {
  const [device, setDevice] = useState(filters.device);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // The box runs ahead of the URL while typing; when the URL changes under it ("Clear filters"), follow.
  const [urlDevice, setUrlDevice] = useState(filters.device);
  if (urlDevice !== filters.device) {
    setUrlDevice(filters.device);
    setDevice(filters.device);
  }
  const deviceError =
    device.trim() !== "" && !DEVICE_KEY_PATTERN.test(device.trim().toLowerCase())
      ? "A device key: lower-case letters, digits, - and _"
      : undefined;
  const typeDevice = (value: string, delay: number) => {
    setDevice(value);
    clearTimeout(timer.current);
    const key = value.trim().toLowerCase();
    if (key === "" || DEVICE_KEY_PATTERN.test(key))
      timer.current = setTimeout(() => onChange({ device: key }), delay);
  };

  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-[minmax(0,14rem)_12rem_10rem_10rem_10rem]">
      <TextField
        label="Device key"
        type="search"
        placeholder="e.g. greenhouse-3"
        value={device}
        error={deviceError}
        onChange={(e) => typeDevice(e.target.value, 400)}
        onKeyDown={(e) => e.key === "Enter" && typeDevice(e.currentTarget.value, 0)}
      />
      <SelectField
        label="Reason"
        value={filters.reason}
        onChange={(e) => onChange({ reason: e.target.value })}
      >
        <option value="">All reasons</option>
        {Object.entries(REASON_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
            {reasons ? ` (${reasons[value] ?? 0})` : ""}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Show"
        value={filters.state}
        onChange={(e) => onChange({ state: e.target.value as Filters["state"] })}
      >
        <option value="pending">Not replayed</option>
        <option value="replayed">Replayed</option>
        <option value="all">All</option>
      </SelectField>
      <TextField
        label="From date"
        type="date"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(e) => onChange({ from: e.target.value })}
      />
      <TextField
        label="To date"
        type="date"
        value={filters.to}
        min={filters.from || undefined}
        onChange={(e) => onChange({ to: e.target.value })}
      />
    </div>
  );
}
