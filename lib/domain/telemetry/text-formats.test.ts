import { describe, expect, it } from "vitest";
import { parsePayload } from "./payload";

const now = Date.UTC(2026, 10, 21, 12, 0, 0);
const parse = (text: string) => parsePayload(Buffer.from(text), { nowMs: now });
const triples = (text: string) => {
  const r = parse(text);
  if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
  return r.readings.map((x) => [x.metric, x.ts, x.value]);
};

describe("CSV and key=value payloads", () => {
  it("reads CSV with a time column, several rows", () => {
    const t = now / 1000 - 60;
    expect(triples(`ts,temperature,humidity\n${t},21.5,40\n${t + 1},21.6,\n`)).toEqual([
      ["temperature", now - 60_000, 21.5],
      ["humidity", now - 60_000, 40],
      ["temperature", now - 59_000, 21.6],
    ]);
  });

  it("reads CSV without a time column at server time, and semicolons", () => {
    expect(triples("temperature;humidity\n21.5;40")).toEqual([
      ["temperature", now, 21.5],
      ["humidity", now, 40],
    ]);
  });

  it("reads key=value lines, with an optional ts per line", () => {
    expect(triples("temperature=21.5,humidity=40")).toEqual([
      ["temperature", now, 21.5],
      ["humidity", now, 40],
    ]);
    expect(triples("ts=2026-11-21T11:59:00Z,temperature=20\ntemperature=21")).toEqual([
      ["temperature", now - 60_000, 20],
      ["temperature", now, 21],
    ]);
  });

  it("says what is wrong with broken text", () => {
    expect(parse("ts,a\n1,2,3")).toMatchObject({
      ok: false,
      reason: "malformed",
      detail: expect.stringContaining("3 cells"),
    });
    expect(parse("a=1,oops")).toMatchObject({ ok: false, reason: "malformed" });
    expect(parse("temperature=warm")).toMatchObject({
      ok: false,
      reason: "malformed",
      detail: expect.stringContaining("temperature"),
    });
    expect(parse("ts,a\nyesterday,1")).toMatchObject({ ok: false, reason: "bad_timestamp" });
  });
});
