"use client";

import { Button } from "../ui/button";
import { FieldError, inputBaseClass } from "../ui/field";
import { EMPTY_METRIC, type MetricDraft } from "./types";

const COLUMNS: { field: Exclude<keyof MetricDraft, "key">; label: string; width: string; type?: string }[] = [
  { field: "name", label: "Metric", width: "w-36" },
  { field: "label", label: "Label", width: "w-36" },
  { field: "unit", label: "Unit", width: "w-20" },
  { field: "min", label: "Min", width: "w-24", type: "number" },
  { field: "max", label: "Max", width: "w-24", type: "number" },
  { field: "precision", label: "Decimals", width: "w-20", type: "number" },
];

/**
 * The metric schema as editable rows. Messages from the server name the row ("metrics.2.min"),
 * so each shows under the metric it is about.
 */
export function MetricRows({
  rows,
  onChange,
  errors,
}: {
  rows: MetricDraft[];
  onChange: (rows: MetricDraft[]) => void;
  errors: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<MetricDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">Metrics</legend>
      {rows.length === 0 && (
        <p className="text-xs text-muted">
          No metrics yet: readings of any name are accepted, with no range check.
        </p>
      )}
      {rows.map((row, i) => {
        const rowErrors = Object.entries(errors)
          .filter(([k]) => k.startsWith(`metrics.${i}.`) || k === `metrics.${i}`)
          .map(([, v]) => v);
        return (
          <div key={i} className="rounded-md border border-border p-2">
            <div className="flex flex-wrap items-end gap-2">
              {COLUMNS.map((c) => (
                <label key={c.field} className={`${c.width} space-y-1 text-xs`}>
                  <span className="text-muted">{c.label}</span>
                  <input
                    type={c.type ?? "text"}
                    step="any"
                    value={row[c.field]}
                    aria-label={`${c.label} of metric ${i + 1}`}
                    aria-invalid={rowErrors.length > 0 || undefined}
                    onChange={(e) => set(i, { [c.field]: e.target.value })}
                    className={`${inputBaseClass} w-full !px-2 !py-1.5`}
                  />
                </label>
              ))}
              <label className="flex items-center gap-1.5 pb-2 text-xs">
                <input
                  type="checkbox"
                  checked={row.key}
                  onChange={(e) => set(i, { key: e.target.checked })}
                  className="size-4 accent-accent"
                />
                In fleet table
              </label>
              <Button
                variant="ghost"
                className="ml-auto !px-2 text-xs text-danger"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                aria-label={`Remove metric ${i + 1}`}
              >
                Remove
              </Button>
            </div>
            {rowErrors.map((message) => (
              <FieldError key={message}>{message}</FieldError>
            ))}
          </div>
        );
      })}
      {errors.metrics && <FieldError>{errors.metrics}</FieldError>}
      <Button onClick={() => onChange([...rows, EMPTY_METRIC])}>Add metric</Button>
    </fieldset>
  );
}
