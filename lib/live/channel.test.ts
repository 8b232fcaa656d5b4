import { describe, expect, it } from "vitest";
import { decodeLivePayload, encodeLivePayloads, readingEvent, type LiveEvent } from "./channel";

describe("live NOTIFY payloads", () => {
  it("split many events under PostgreSQL's 8000-byte limit and decode back to the same events", () => {
    const events: LiveEvent[] = Array.from({ length: 500 }, (_, i) => ({ type: "reading", device: `dev-${i}`, metric: "temperature", ts: 1_700_000_000_000 + i, value: i / 3 }));
    const payloads = encodeLivePayloads(events);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap(decodeLivePayload)).toEqual(events);
  });

  it("encode a reading on the fast path exactly as JSON.stringify would", () => {
    for (const value of [21.5, -0.1, 1e21, 5e-7, 0.1 + 0.2, -0]) {
      const reading = { deviceKey: "greenhouse_3-a", metric: "soil.moisture-2", ts: 1_700_000_000_123.5, value };
      const event = { type: "reading", device: reading.deviceKey, metric: reading.metric, ts: reading.ts, value };
      expect(JSON.parse(readingEvent(reading))).toEqual(JSON.parse(JSON.stringify(event)));
    }
  });

  it("ignores garbage", () => {
    expect(decodeLivePayload("nope")).toEqual([]);
  });
});
