import type { MetricSpec } from "@/lib/domain/devices/types";

/** A metric row as typed in the editor (numbers still text, so a half-typed "-" is fine). */
export interface MetricDraft {
  name: string;
  label: string;
  unit: string;
  min: string;
  max: string;
  precision: string;
  key: boolean;
}

export const toDraft = (m: MetricSpec): MetricDraft => ({
  name: m.name,
  label: m.label ?? "",
  unit: m.unit ?? "",
  min: m.min?.toString() ?? "",
  max: m.max?.toString() ?? "",
  precision: m.precision?.toString() ?? "",
  key: m.key ?? false,
});

const num = (s: string) => (s.trim() === "" ? undefined : Number(s));
const text = (s: string) => (s.trim() === "" ? undefined : s.trim());

export const fromDraft = (d: MetricDraft): MetricSpec => ({
  name: d.name.trim(),
  label: text(d.label),
  unit: text(d.unit),
  min: num(d.min),
  max: num(d.max),
  precision: num(d.precision),
  key: d.key || undefined,
});

export const EMPTY_METRIC: MetricDraft = {
  name: "",
  label: "",
  unit: "",
  min: "",
  max: "",
  precision: "",
  key: false,
};
