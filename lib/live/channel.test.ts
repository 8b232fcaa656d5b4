import { describe, expect, it } from "vitest";
import { decodeLivePayload, encodeLivePayloads, type LiveEvent } from "./channel";

describe("live NOTIFY payloads", () => {
  it("split many events under PostgreSQL's 8000-byte limit and decode back to the same events", () => {
    const events: LiveEvent[] = Array.from({ length: 500 }, (_, i) => ({ type: "reading", device: `dev-${i}`, metric: "temperature", ts: 1_700_000_000_000 + i, value: i / 3 }));
    const payloads = encodeLivePayloads(events);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap(decodeLivePayload)).toEqual(events);
  });

  it("ignores garbage", () => {
    expect(decodeLivePayload("nope")).toEqual([]);
  });
});
