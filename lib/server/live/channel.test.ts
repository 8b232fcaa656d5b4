import { describe, expect, it } from "vitest";
import { decodeLivePayload, encodeLivePayloads, readingEvent, type LiveEvent } from "./channel";

describe("live NOTIFY payloads", () => {
  it("split many events under PostgreSQL's 8000-byte limit and decode back to the same events", () => {
    const events: LiveEvent[] = Array.from({ length: 500 }, (_, i) => ({
      type: "reading",
      device: `dev-${i}`,
      metric: "temperature",
      ts: 1_700_000_000_000 + i,
      value: i / 3,
    }));
    const payloads = encodeLivePayloads(events);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap(decodeLivePayload)).toEqual(events);
  });

  it("encode a reading on the fast path exactly as JSON.stringify would", () => {
    for (const value of [21.5, -0.1, 1e21, 5e-7, 0.1 + 0.2, -0]) {
      const reading = {
        deviceKey: "greenhouse_3-a",
        metric: "soil.moisture-2",
        ts: 1_700_000_000_123.5,
        value,
      };
      const event = {
        type: "reading",
        device: reading.deviceKey,
        metric: reading.metric,
        ts: reading.ts,
        value,
      };
      expect(JSON.parse(readingEvent(reading).json)).toEqual(JSON.parse(JSON.stringify(event)));
    }
  });

  it("keep each device's events in one payload, in order, unless they alone exceed one", () => {
    const event = (device: string, i: number): LiveEvent => ({
      type: "reading",
      device,
      metric: "temperature",
      ts: 1_700_000_000_000 + i,
      value: i,
    });
    // 40 devices, their readings interleaved as a batch has them, 6 each.
    const events = Array.from({ length: 240 }, (_, i) =>
      event(`device-${String(i % 40).padStart(2, "0")}`, i),
    );
    events.push({ type: "status", device: "device-07", status: "offline", ts: 1 });
    const payloads = encodeLivePayloads(events).map(decodeLivePayload);
    expect(payloads.length).toBeGreaterThan(1);
    for (let d = 0; d < 40; d++) {
      const device = `device-${String(d).padStart(2, "0")}`;
      const holding = payloads.filter((p) => p.some((e) => e.device === device));
      expect(holding).toHaveLength(1);
      expect(holding[0]!.filter((e) => e.device === device)).toEqual(
        events.filter((e) => e.device === device),
      );
    }
    // A device with more than fits is split, still in order.
    const chatty = Array.from({ length: 200 }, (_, i) => event("chatty", i));
    const split = encodeLivePayloads(chatty);
    expect(split.length).toBeGreaterThan(1);
    expect(split.flatMap(decodeLivePayload)).toEqual(chatty);
  });

  it("ignores garbage", () => {
    expect(decodeLivePayload("nope")).toEqual([]);
  });
});
