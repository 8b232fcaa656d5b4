import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePayload } from "./payload";
import { parseTopic } from "./topic";

const REASONS = ["malformed", "too_large", "bad_timestamp"];

// Whatever arrives, the parser answers: readings with finite values, or a typed reason. Never a throw.
describe("parsePayload properties", () => {
  const check = (bytes: Uint8Array, metric?: string) => {
    const result = parsePayload(bytes, { nowMs: Date.UTC(2026, 0, 1), metric });
    if (result.ok) {
      expect(result.readings.length).toBeGreaterThan(0);
      for (const r of result.readings) {
        expect(Number.isFinite(r.value)).toBe(true);
        expect(Number.isFinite(r.ts)).toBe(true);
      }
    } else {
      expect(REASONS).toContain(result.reason);
      expect(result.detail.length).toBeGreaterThan(0);
    }
  };

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.option(fc.constantFrom("t", "soil.moisture")),
        (bytes, metric) => check(bytes, metric ?? undefined),
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.json(), (json) => check(Buffer.from(json))),
      { numRuns: 2000 },
    );
  });

  it("never throws on SenML-shaped and CSV-shaped input", () => {
    const record = fc.record(
      {
        bn: fc.string(),
        n: fc.string(),
        v: fc.oneof(fc.double(), fc.string()),
        t: fc.double(),
        bt: fc.double(),
        vb: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), (pack) =>
        check(Buffer.from(JSON.stringify(pack))),
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 5 }), (rows) =>
        check(Buffer.from(rows.map((r) => r.join(",")).join("\n"))),
      ),
      { numRuns: 1000 },
    );
  });

  it("topic parsing never throws either", () => {
    fc.assert(
      fc.property(fc.string(), (topic) => {
        expect(["telemetry", "status", "invalid"]).toContain(parseTopic(topic).kind);
      }),
    );
  });
});
