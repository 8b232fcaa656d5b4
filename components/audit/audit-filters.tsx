"use client";

import { useEffect, useRef, type RefObject } from "react";
import { SelectField, TextField } from "../ui/field";
import { ACTION_PREFIXES, type AuditFilters as Filters } from "./use-audit-filters";

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  /** The actor box is uncontrolled (it runs ahead of the URL while typing); "Clear filters" empties it through this. */
  actorRef?: RefObject<HTMLInputElement | null>;
}

/** Action kind, actor and a day range. The actor box waits for a pause in typing. */
export function AuditFilters({ filters, onChange, actorRef }: Props) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const actor = (value: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ actor: value }), delay);
  };

  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-[10rem_minmax(0,16rem)_10rem_10rem]">
      <SelectField
        label="Action"
        value={filters.action}
        onChange={(e) => onChange({ action: e.target.value })}
      >
        {ACTION_PREFIXES.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
        {!ACTION_PREFIXES.some((a) => a.value === filters.action) && (
          <option value={filters.action}>{filters.action}</option>
        )}
      </SelectField>
      <TextField
        label="Actor"
        ref={actorRef}
        type="search"
        placeholder="Email contains…"
        defaultValue={filters.actor}
        onChange={(e) => actor(e.target.value, 300)}
        onKeyDown={(e) => e.key === "Enter" && actor(e.currentTarget.value, 0)}
      />
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
