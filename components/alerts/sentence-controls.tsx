"use client";

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { useId } from "react";
import { inputBaseClass } from "../ui/field";
import { durationChoices, formatDuration } from "./rule-sentence";

/** Thumb-sized and 16 px text, so phones don't zoom into the field. */
const CONTROL = `${inputBaseClass} min-h-11 text-base sm:text-sm`;

/** A control that sits inside the sentence: an invisible label for screen readers, its error right under it. */
function Slot({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (a11y: {
    id: string;
    "aria-label": string;
    "aria-invalid"?: boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const id = useId();
  return (
    <span className="inline-flex max-w-full flex-col align-top">
      {children({
        id,
        "aria-label": label,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error && (
        <span id={`${id}-error`} role="alert" className="mt-1 max-w-56 text-xs font-medium text-danger">
          {error}
        </span>
      )}
    </span>
  );
}

export function InlineSelect({
  label,
  error,
  className = "",
  children,
  ...select
}: { label: string; error?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Slot label={label} error={error}>
      {(a11y) => (
        <select className={`${CONTROL} max-w-full ${className}`} {...select} {...a11y}>
          {children}
        </select>
      )}
    </Slot>
  );
}

/** A number typed as text (a half-typed "-" or "2." stays), with the decimal keyboard on phones. */
export function InlineNumber({
  label,
  error,
  unit,
  ...input
}: { label: string; error?: string; unit?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Slot label={label} error={error}>
      {(a11y) => (
        <span className="inline-flex items-center gap-1.5">
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className={`${CONTROL} w-24 tabular-nums`}
            {...input}
            {...a11y}
          />
          {unit && <span className="text-muted">{unit}</span>}
        </span>
      )}
    </Slot>
  );
}

/** Friendly spells ("10 minutes", "2 hours") stored as seconds. */
export function DurationSelect({
  label,
  value,
  min = 0,
  onChange,
  error,
}: {
  label: string;
  value: number;
  min?: number;
  onChange: (s: number) => void;
  error?: string;
}) {
  return (
    <InlineSelect
      label={label}
      error={error}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {durationChoices(value, min).map((s) => (
        <option key={s} value={s}>
          {s === 0 ? "0 minutes (at once)" : formatDuration(s)}
        </option>
      ))}
    </InlineSelect>
  );
}

/** Plain words between the controls. */
export const Words = ({ children }: { children: ReactNode }) => <span className="py-2.5">{children}</span>;

const REPEATS = [0, 300, 900, 1800, 3600, 7200, 21_600, 86_400];

/** "remind every [never ▾]": how often a firing, unacknowledged alert notifies again. */
export function RepeatSelect({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (s: number) => void;
  error?: string;
}) {
  const choices = REPEATS.includes(value) ? REPEATS : [...REPEATS, value].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-2 text-base">
      <span>while it fires, notify again</span>
      <InlineSelect
        label="Notify again"
        error={error}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {choices.map((s) => (
          <option key={s} value={s}>
            {s === 0 ? "never" : `every ${formatDuration(s)}`}
          </option>
        ))}
      </InlineSelect>
    </div>
  );
}
