import { describe, expect, it } from "vitest";
import { parsePayload } from "./payload";

const now = Date.UTC(2026, 10, 21, 12, 0, 0);
const parse = (pack: unknown) => parsePayload(Buffer.from(JSON.stringify(pack)), { nowMs: now });
const pairs = (pack: unknown) => {
  const r = parse(pack);
  if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
  return r.readings.map((x) => [x.metric, x.ts, x.value]);
};

// The examples of RFC 8428 §5, resolved as §4.6 says.
describe("SenML (RFC 8428)", () => {
  it("§5.1.1 a single datapoint, named by URN", () => {
    expect(pairs([{ n: "urn:dev:ow:10e2073a01080063", u: "Cel", v: 23.1 }])).toEqual([
      ["10e2073a01080063", now, 23.1],
    ]);
  });

  it("§5.1.2 multiple datapoints under a base name", () => {
    const pack = [
      { bn: "urn:dev:ow:10e2073a01080063:", n: "voltage", u: "V", v: 120.1 },
      { n: "current", u: "A", v: 1.2 },
    ];
    expect(pairs(pack)).toEqual([
      ["voltage", now, 120.1],
      ["current", now, 1.2],
    ]);
  });

  it("§5.1.3 multiple measurements: base time plus relative offsets, base unit, bver", () => {
    const bt = 1.276020076001e9;
    const pack = [
      { bn: "urn:dev:ow:10e2073a0108006:", bt, bu: "A", bver: 5, n: "voltage", u: "V", v: 120.1 },
      { n: "current", t: -5, v: 1.2 },
      { n: "current", t: -4, v: 1.3 },
      { n: "current", t: -3, v: 1.4 },
      { n: "current", t: -2, v: 1.5 },
      { n: "current", t: -1, v: 1.6 },
      { n: "current", v: 1.7 },
    ];
    const ms = (s: number) => Math.round(s * 1000);
    expect(pairs(pack)).toEqual([
      ["voltage", ms(bt), 120.1],
      ["current", ms(bt - 5), 1.2],
      ["current", ms(bt - 4), 1.3],
      ["current", ms(bt - 3), 1.4],
      ["current", ms(bt - 2), 1.5],
      ["current", ms(bt - 1), 1.6],
      ["current", ms(bt), 1.7],
    ]);
  });

  it("§5.1.4 resolved data: relative times count from now, base values add", () => {
    expect(
      pairs([
        { bn: "dev1.", bt: -60, bv: 10, n: "temp", v: 1.5 },
        { n: "temp", t: 30, v: 2 },
      ]),
    ).toEqual([
      ["dev1.temp", now - 60_000, 11.5],
      ["dev1.temp", now - 30_000, 12],
    ]);
  });

  it("§5.1.6 booleans and sums; base fields carry forward until changed", () => {
    const pack = [
      { bn: "a.", n: "door", vb: true },
      { n: "energy", s: 42 },
      { bn: "b.", n: "door", vb: false },
    ];
    expect(pairs(pack)).toEqual([
      ["a.door", now, 1],
      ["a.energy", now, 42],
      ["b.door", now, 0],
    ]);
  });

  it("refuses what it can't honour: newer versions, must-understand fields, strings, nameless records", () => {
    expect(parse([{ bver: 11, n: "x", v: 1 }])).toMatchObject({ ok: false, reason: "malformed" });
    expect(parse([{ n: "x", v: 1, foo_: 2 }])).toMatchObject({
      ok: false,
      detail: expect.stringContaining('"foo_"'),
    });
    expect(parse([{ n: "x", vs: "on" }])).toMatchObject({
      ok: false,
      detail: expect.stringContaining("string"),
    });
    expect(
      parse([
        { bn: "", n: "", v: 1 },
        { n: "y", v: 2 },
      ]),
    ).toMatchObject({ ok: false, detail: expect.stringContaining("no name") });
    expect(parse([{ n: "x", v: "12" }])).toMatchObject({ ok: true, readings: [{ value: 12 }] });
  });
});
