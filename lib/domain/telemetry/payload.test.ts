import { describe, expect, it } from "vitest";
import { parsePayload } from "./payload";
import { FLAG_UNTRUSTED_TIME } from "./types";

const now = Date.UTC(2026, 10, 21, 12, 0, 0);
const parse = (text: string | Uint8Array, metric?: string) =>
  parsePayload(typeof text === "string" ? Buffer.from(text) : text, { nowMs: now, metric });

describe("parsePayload", () => {
  it("reads flat JSON at server time", () => {
    expect(parse('{"temperature": 21.5, "humidity": 40}')).toEqual({
      ok: true,
      readings: [
        { metric: "temperature", ts: now, value: 21.5, flags: 0 },
        { metric: "humidity", ts: now, value: 40, flags: 0 },
      ],
    });
  });

  it("flattens nested objects with dots", () => {
    const result = parse('{"soil":{"moisture":31,"probe":{"depth":2}}}');
    expect(result.ok && result.readings.map((r) => [r.metric, r.value])).toEqual([
      ["soil.moisture", 31],
      ["soil.probe.depth", 2],
    ]);
  });

  it("reads ThingsBoard {ts, values} and arrays of them", () => {
    const t1 = now - 60_000;
    const result = parse(
      JSON.stringify([
        { ts: t1, values: { temperature: 21 } },
        { ts: t1 + 1000, values: { temperature: 22 } },
      ]),
    );
    expect(result.ok && result.readings).toEqual([
      { metric: "temperature", ts: t1, value: 21, flags: 0 },
      { metric: "temperature", ts: t1 + 1000, value: 22, flags: 0 },
    ]);
  });

  it("converts booleans and numeric strings, rejects other values naming the field", () => {
    const ok = parse('{"pump": true, "level": " 12.5 "}');
    expect(ok.ok && ok.readings.map((r) => r.value)).toEqual([1, 12.5]);
    expect(parse('{"temperature": "hot"}')).toEqual({
      ok: false,
      reason: "malformed",
      detail: 'temperature: "hot" is not a number',
    });
    expect(parse('{"temperature": null}')).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("reads single-metric topics: bare numbers, booleans and {ts, value}", () => {
    expect(parse("21.5", "temperature")).toEqual({
      ok: true,
      readings: [{ metric: "temperature", ts: now, value: 21.5, flags: 0 }],
    });
    expect(parse("false", "pump")).toMatchObject({ ok: true, readings: [{ value: 0 }] });
    const ts = now - 5000;
    expect(parse(JSON.stringify({ ts: ts / 1000, value: 3 }), "x")).toMatchObject({
      ok: true,
      readings: [{ ts, value: 3 }],
    });
    expect(parse("abc", "temperature")).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("keeps untrusted device times as server time, flagged", () => {
    const future = now + 10 * 60_000;
    expect(parse(JSON.stringify({ ts: future, values: { a: 1 } }))).toMatchObject({
      ok: true,
      readings: [{ ts: now, flags: FLAG_UNTRUSTED_TIME }],
    });
    expect(parse(JSON.stringify({ ts: "1999-12-31T23:00:00Z", values: { a: 1 } }))).toMatchObject({
      ok: true,
      readings: [{ ts: now, flags: FLAG_UNTRUSTED_TIME }],
    });
  });

  it("rejects what isn't telemetry with a typed reason", () => {
    expect(parse("")).toMatchObject({ ok: false, reason: "malformed" });
    expect(parse("not json")).toMatchObject({
      ok: false,
      reason: "malformed",
      detail: "payload is not JSON, CSV with a header, or key=value lines",
    });
    expect(parse(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({
      ok: false,
      reason: "malformed",
      detail: "payload is not valid UTF-8",
    });
    expect(parse("[]")).toMatchObject({ ok: false, reason: "malformed" });
    expect(parse('{"ts": "yesterday", "values": {"a": 1}}')).toMatchObject({
      ok: false,
      reason: "bad_timestamp",
    });
    expect(parse(new Uint8Array(256 * 1024 + 1))).toMatchObject({ ok: false, reason: "too_large" });
  });
});
