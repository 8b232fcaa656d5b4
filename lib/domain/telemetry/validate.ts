import type { MetricSpec } from "../devices/types";
import type { Reading } from "./types";

export interface RangeCheck {
  accepted: Reading[];
  /** One line per reading outside its metric's declared min/max. */
  outOfRange: string[];
}

/** Splits readings by the device type's schema; metrics the schema doesn't name are accepted as-is. */
export function checkRanges(readings: Reading[], specs: readonly MetricSpec[]): RangeCheck {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const accepted: Reading[] = [];
  const outOfRange: string[] = [];
  for (const reading of readings) {
    const spec = byName.get(reading.metric);
    const low = spec?.min;
    const high = spec?.max;
    if ((low !== undefined && reading.value < low) || (high !== undefined && reading.value > high)) {
      outOfRange.push(
        `${reading.metric}=${reading.value} outside [${low ?? "-∞"}, ${high ?? "∞"}]${spec?.unit ? ` ${spec.unit}` : ""}`,
      );
    } else {
      accepted.push(reading);
    }
  }
  return { accepted, outOfRange };
}
