import { isPlainObject, type Draft, type DraftResult } from "./draft";
import { looksLikeSenml, readSenml } from "./senml";
import { readTextPayload } from "./text-formats";
import { isValidMetricName } from "./topic";
import { isTrustedTime, parseTimestamp } from "./timestamps";
import { FLAG_UNTRUSTED_TIME, reject, type ParseResult, type Reading } from "./types";
import { toNumericValue } from "./values";

export const MAX_PAYLOAD_BYTES = 256 * 1024;
/**
 * The embedded broker's largest packet by default (MQTT_MAX_PACKET_BYTES): twice the payload
 * limit, so a payload a little over it still reaches the worker and is quarantined as
 * `too_large` (the device's owner sees why), while a flood is cut off at the broker.
 */
export const MQTT_MAX_PACKET_BYTES_DEFAULT = 2 * MAX_PAYLOAD_BYTES;
const MAX_DEPTH = 8;
// One decoder for every message: constructing one costs more than decoding a small payload.
const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface ParseContext {
  /** Server receive time, epoch ms. */
  nowMs: number;
  /** Set for `devices/{key}/telemetry/{metric}` topics. */
  metric?: string;
}

/**
 * Turns a telemetry payload into readings, or says why it can't. Never throws.
 * Formats are detected, not configured (docs/mqtt.md).
 */
export function parsePayload(payload: Uint8Array, ctx: ParseContext): ParseResult {
  if (payload.byteLength > MAX_PAYLOAD_BYTES)
    return reject("too_large", `${payload.byteLength} bytes, limit ${MAX_PAYLOAD_BYTES}`);
  let text: string;
  try {
    text = utf8.decode(payload).trim();
  } catch {
    return reject("malformed", "payload is not valid UTF-8");
  }
  if (text === "") return reject("malformed", "empty payload");
  const drafts = readDrafts(text, ctx);
  if (typeof drafts === "string") return reject("malformed", drafts);
  return finish(drafts, ctx);
}

function readDrafts(text: string, ctx: ParseContext): DraftResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return ctx.metric ? [{ metric: ctx.metric, value: text }] : readTextPayload(text);
  }
  if (ctx.metric) return singleMetric(ctx.metric, json);
  return looksLikeSenml(json) ? readSenml(json, ctx.nowMs) : multiMetric(json);
}

function singleMetric(metric: string, json: unknown): DraftResult {
  if (isPlainObject(json)) {
    if (!("value" in json)) return `object on a metric topic needs "value"`;
    return [{ metric, value: json.value, ts: json.ts }];
  }
  return [{ metric, value: json }];
}

function multiMetric(json: unknown): DraftResult {
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return "empty array";
  const drafts: Draft[] = [];
  for (const item of items) {
    if (!isPlainObject(item)) return "expected a JSON object or an array of objects";
    // ThingsBoard style: {"ts": …, "values": {…}}
    if (isPlainObject(item.values) && Object.keys(item).every((k) => k === "ts" || k === "values")) {
      const flat = flatten(item.values, "", 0);
      if (typeof flat === "string") return flat;
      drafts.push(...flat.map((d) => ({ ...d, ts: item.ts })));
    } else {
      const flat = flatten(item, "", 0);
      if (typeof flat === "string") return flat;
      drafts.push(...flat);
    }
  }
  return drafts.length > 0 ? drafts : "no metrics in payload";
}

/** Nested objects flatten with dots: {"soil":{"moisture":31}} → soil.moisture. */
function flatten(obj: Record<string, unknown>, prefix: string, depth: number): DraftResult {
  if (depth > MAX_DEPTH) return `nesting deeper than ${MAX_DEPTH} levels`;
  const out: Draft[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const name = prefix + key;
    if (isPlainObject(value)) {
      const inner = flatten(value, `${name}.`, depth + 1);
      if (typeof inner === "string") return inner;
      out.push(...inner);
    } else {
      out.push({ metric: name, value });
    }
  }
  return out;
}

function finish(drafts: Draft[], ctx: ParseContext): ParseResult {
  const readings: Reading[] = [];
  for (const draft of drafts) {
    if (!isValidMetricName(draft.metric))
      return reject("malformed", `bad metric name "${draft.metric.slice(0, 60)}"`);
    const value = toNumericValue(draft.value);
    if (!value.ok) return reject("malformed", `${draft.metric}: ${value.detail}`);
    // No device time: the server's receive time is the reading's time (normal, not flagged).
    let ts = ctx.nowMs;
    let flags = 0;
    const time =
      draft.tsMs !== undefined
        ? { ok: true as const, ms: draft.tsMs }
        : draft.ts !== undefined && draft.ts !== null
          ? parseTimestamp(draft.ts)
          : null;
    if (time && !time.ok) return reject("bad_timestamp", `${draft.metric}: ${time.detail}`);
    if (time && isTrustedTime(time.ms, ctx.nowMs)) ts = time.ms;
    else if (time) flags = FLAG_UNTRUSTED_TIME;
    readings.push({ metric: draft.metric, ts, value: value.value, flags });
  }
  return { ok: true, readings };
}
