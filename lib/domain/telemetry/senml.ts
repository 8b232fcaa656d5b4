import { isPlainObject, type DraftResult } from "./draft";
import { isValidMetricName } from "./topic";

/** RFC 8428 §4.4: resolved times below 2^28 seconds are relative to now. */
const RELATIVE_TIME_LIMIT_S = 2 ** 28;
/** RFC 8428 §4.4: the version this receiver implements. */
const SENML_VERSION = 10;
const KNOWN_FIELDS = new Set([
  "bn",
  "bt",
  "bu",
  "bv",
  "bs",
  "bver",
  "n",
  "u",
  "v",
  "vs",
  "vb",
  "vd",
  "s",
  "t",
  "ut",
]);

/** A JSON array looks like SenML when its records use SenML's labels. */
export function looksLikeSenml(json: unknown): json is Record<string, unknown>[] {
  return (
    Array.isArray(json) &&
    json.length > 0 &&
    json.every(isPlainObject) &&
    json.some((r) => "n" in r || "bn" in r)
  );
}

/**
 * Resolves a SenML pack (RFC 8428 §4.6): base name, time, unit and value carry forward to later
 * records until changed; name = bn + n, time = bt + t (relative to now when < 2^28 s), value = bv + v.
 */
export function readSenml(pack: Record<string, unknown>[], nowMs: number): DraftResult {
  let baseName = "";
  let baseTime = 0;
  let baseValue = 0;
  let baseSum = 0;
  const drafts = [];
  for (const [index, record] of pack.entries()) {
    const where = `SenML record ${index + 1}`;
    const unknown = Object.keys(record).find((k) => !KNOWN_FIELDS.has(k) && k.endsWith("_"));
    if (unknown) return `${where}: unsupported must-understand field "${unknown}"`;
    if (record.bver !== undefined && (typeof record.bver !== "number" || record.bver > SENML_VERSION))
      return `${where}: unsupported SenML version ${String(record.bver)}`;
    if (record.bn !== undefined) {
      if (typeof record.bn !== "string") return `${where}: bn must be a string`;
      baseName = record.bn;
    }
    for (const [field, apply] of [
      ["bt", (n: number) => (baseTime = n)],
      ["bv", (n: number) => (baseValue = n)],
      ["bs", (n: number) => (baseSum = n)],
    ] as const) {
      if (record[field] === undefined) continue;
      if (typeof record[field] !== "number" || !Number.isFinite(record[field]))
        return `${where}: ${field} must be a number`;
      apply(record[field] as number);
    }
    if (record.n !== undefined && typeof record.n !== "string") return `${where}: n must be a string`;
    const name = baseName + ((record.n as string | undefined) ?? "");
    if (name === "") return `${where}: no name`;
    if (record.vs !== undefined || record.vd !== undefined)
      return `${where} (${name}): string and data values are not supported`;
    const value = senmlValue(record, baseValue, baseSum);
    if (value === undefined) continue; // a record that only sets base fields
    if (record.t !== undefined && (typeof record.t !== "number" || !Number.isFinite(record.t)))
      return `${where}: t must be a number`;
    const seconds = baseTime + ((record.t as number | undefined) ?? 0);
    const tsMs = Math.round((seconds < RELATIVE_TIME_LIMIT_S ? nowMs / 1000 + seconds : seconds) * 1000);
    drafts.push({ metric: metricName(name), value, tsMs });
  }
  return drafts.length > 0 ? drafts : "SenML pack has no values";
}

function senmlValue(record: Record<string, unknown>, baseValue: number, baseSum: number): unknown {
  if (record.v !== undefined) return typeof record.v === "number" ? baseValue + record.v : record.v;
  if (record.vb !== undefined) return record.vb;
  if (record.s !== undefined) return typeof record.s === "number" ? baseSum + record.s : record.s;
  return undefined;
}

/**
 * SenML names are often URNs of the device ("urn:dev:ow:10e2…:temp"); the topic already says
 * which device, so a name our metric names can't hold keeps its last segment.
 */
function metricName(name: string): string {
  if (isValidMetricName(name)) return name;
  return name.split(/[:/]/).filter(Boolean).at(-1) ?? name;
}
