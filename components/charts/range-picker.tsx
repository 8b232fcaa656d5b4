"use client";

import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { MIN_SPAN_MS, PRESETS, type TimeRange } from "./time-range";

/** Preset ranges as a segmented control, and a custom span (which zooming also sets). */
export function RangePicker({ range, onChange }: { range: TimeRange; onChange: (range: TimeRange) => void }) {
  const [customOpen, setCustomOpen] = useState(false);
  const segment = (active: boolean) =>
    `rounded-md px-2.5 py-1.5 text-sm font-medium transition ${active ? "bg-accent text-accent-foreground shadow-xs" : "text-muted hover:bg-zinc-100 hover:text-foreground dark:hover:bg-zinc-800"}`;
  return (
    <div className="space-y-2">
      <div
        role="group"
        aria-label="Time range"
        className="flex flex-wrap items-center gap-1 rounded-lg border border-border bg-surface p-1"
      >
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={range.kind === "preset" && range.id === p.id}
            className={segment(range.kind === "preset" && range.id === p.id)}
            onClick={() => onChange({ kind: "preset", id: p.id })}
          >
            {p.label}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={range.kind === "custom"}
          aria-expanded={customOpen}
          className={segment(range.kind === "custom")}
          onClick={() => setCustomOpen((o) => !o)}
        >
          Custom
        </button>
      </div>
      {customOpen && (
        <CustomRangeForm
          range={range}
          onApply={(r) => {
            setCustomOpen(false);
            onChange(r);
          }}
        />
      )}
    </div>
  );
}

/** `datetime-local` wants local wall time without a zone: "2026-11-22T14:05". */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

function CustomRangeForm({ range, onApply }: { range: TimeRange; onApply: (range: TimeRange) => void }) {
  const [initialNow] = useState(() => Date.now());
  const initial = range.kind === "custom" ? range : { from: initialNow - 86_400_000, to: initialNow };
  const [from, setFrom] = useState(toLocalInput(initial.from));
  const [to, setTo] = useState(toLocalInput(initial.to));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [f, t] = [new Date(from).getTime(), new Date(to).getTime()];
    if (!Number.isFinite(f) || !Number.isFinite(t)) return setError("Enter both a start and an end.");
    if (t - f < MIN_SPAN_MS) return setError("The end must be after the start.");
    setError(null);
    onApply({ kind: "custom", from: f, to: t });
  };
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3"
      noValidate
    >
      <label className="grid gap-1 text-sm">
        <span className="font-medium">From</span>
        <input
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          className="rounded-md border border-border bg-background px-2 py-1.5"
        />
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">To</span>
        <input
          type="datetime-local"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          className="rounded-md border border-border bg-background px-2 py-1.5"
          aria-describedby={error ? "custom-range-error" : undefined}
        />
      </label>
      <Button type="submit" variant="primary">
        Show
      </Button>
      {error && (
        <p id="custom-range-error" role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
