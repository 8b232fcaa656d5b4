"use client";

import type { MetricSpec } from "@/lib/domain/devices/types";
import { metricLabel } from "../ui/format";
import type { RuleDraft } from "./rule-draft";
import { clearWords, COMPARISON_WORDS, isRange } from "./rule-sentence";
import { DurationSelect, InlineNumber, InlineSelect, Words } from "./sentence-controls";
import { SEVERITIES, type Comparison } from "./types";

interface Props {
  draft: RuleDraft;
  onChange: (patch: Partial<RuleDraft>) => void;
  errors: Record<string, string | undefined>;
  unit?: string;
}

/** [metric ▾]: the metrics the chosen devices report; a no-data rule may watch "anything". */
export function MetricSelect({
  draft,
  onChange,
  errors,
  metrics,
}: Omit<Props, "unit"> & { metrics: MetricSpec[] }) {
  const unlisted = draft.metric && !metrics.some((m) => m.name === draft.metric);
  return (
    <InlineSelect
      label="Metric"
      error={errors.metric}
      value={draft.metric}
      onChange={(e) => onChange({ metric: e.target.value })}
      className="max-w-56"
    >
      <option value="">{draft.kind === "no_data" ? "anything" : "choose a metric…"}</option>
      {unlisted && <option value={draft.metric}>{draft.metric}</option>}
      {metrics.map((m) => (
        <option key={m.name} value={m.name}>
          {metricLabel(m)}
        </option>
      ))}
    </InlineSelect>
  );
}

/** "is [below ▾] [20] % for [10 minutes ▾]" (two numbers for a band). */
export function ThresholdPart({ draft, onChange, errors, unit }: Props) {
  const range = isRange(draft.comparison);
  return (
    <>
      <Words>is</Words>
      <InlineSelect
        label="Comparison"
        error={errors.comparison}
        value={draft.comparison}
        onChange={(e) => onChange({ comparison: e.target.value as Comparison })}
      >
        {Object.entries(COMPARISON_WORDS).map(([id, words]) => (
          <option key={id} value={id}>
            {words}
          </option>
        ))}
      </InlineSelect>
      <InlineNumber
        label={range ? "Lower bound" : "Threshold"}
        error={errors.threshold}
        unit={range ? undefined : unit}
        value={draft.threshold}
        onChange={(e) => onChange({ threshold: e.target.value })}
      />
      {range && (
        <>
          <Words>and</Words>
          <InlineNumber
            label="Upper bound"
            error={errors.thresholdHigh}
            unit={unit}
            value={draft.thresholdHigh}
            onChange={(e) => onChange({ thresholdHigh: e.target.value })}
          />
        </>
      )}
      <Words>for</Words>
      <DurationSelect
        label="For how long"
        value={draft.forS}
        error={errors.forS}
        onChange={(forS) => onChange({ forS })}
      />
    </>
  );
}

/** "clear when [back to normal ▾ | above ▾] [25] % for [5 minutes ▾]": hysteresis, so a value hovering at the line doesn't flap. */
export function ClearPart({ draft, onChange, errors, unit }: Props) {
  const range = isRange(draft.comparison);
  return (
    <>
      <Words>and clear when</Words>
      <InlineSelect
        label="Clear when"
        value={draft.clearAt ? "line" : "normal"}
        onChange={(e) => onChange({ clearAt: e.target.value === "line" })}
      >
        <option value="normal">back to normal</option>
        <option value="line">{clearWords(draft.comparison)}</option>
      </InlineSelect>
      {draft.clearAt && (
        <>
          <InlineNumber
            label={range ? "Clear lower bound" : "Clear threshold"}
            error={errors.clearThreshold}
            unit={range ? undefined : unit}
            value={draft.clearThreshold}
            onChange={(e) => onChange({ clearThreshold: e.target.value })}
          />
          {range && (
            <>
              <Words>and</Words>
              <InlineNumber
                label="Clear upper bound"
                error={errors.clearThresholdHigh}
                unit={unit}
                value={draft.clearThresholdHigh}
                onChange={(e) => onChange({ clearThresholdHigh: e.target.value })}
              />
            </>
          )}
        </>
      )}
      <Words>for</Words>
      <DurationSelect
        label="Clear after"
        value={draft.clearForS}
        error={errors.clearForS}
        onChange={(clearForS) => onChange({ clearForS })}
      />
    </>
  );
}

export function SeveritySelect({ draft, onChange, errors }: Omit<Props, "unit">) {
  return (
    <InlineSelect
      label="Severity"
      error={errors.severity}
      value={draft.severity}
      onChange={(e) => onChange({ severity: e.target.value as RuleDraft["severity"] })}
    >
      {SEVERITIES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </InlineSelect>
  );
}
