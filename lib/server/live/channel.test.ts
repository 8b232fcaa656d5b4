import { describe, expect, it } from "vitest";
import type { LiveEvent, ReadingsEvent } from "../../domain/live/events";
import { decodeLivePayload, encodeLivePayloads } from "./channel";

const readings = (device: string, from: number, n: number): ReadingsEvent => ({
  type: "readings",
  device,
  readings: Array.from({ length: n }, (_, i) => ({
    metric: "temperature",
    ts: 1_700_000_000_000 + from + i,
    value: (from + i) / 3,
  })),
});

/** Every reading of `device` in these events, in order. */
const readingsOf = (events: LiveEvent[], device: string) =>
  events.flatMap((e) => (e.type === "readings" && e.device === device ? e.readings : []));

describe("live NOTIFY payloads", () => {
  it("split many events under PostgreSQL's 8000-byte limit and decode back to the same events", () => {
    const events: LiveEvent[] = Array.from({ length: 500 }, (_, i) => readings(`dev-${i}`, i, 1));
    const payloads = encodeLivePayloads(events);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap(decodeLivePayload)).toEqual(events);
  });

  it("encode readings on the fast path exactly as JSON.stringify would", () => {
    for (const value of [21.5, -0.1, 1e21, 5e-7, 0.1 + 0.2, -0]) {
      const event: ReadingsEvent = {
        type: "readings",
        device: "greenhouse_3-a",
        readings: [{ metric: "soil.moisture-2", ts: 1_700_000_000_123.5, value }],
      };
      const [payload] = encodeLivePayloads([event]);
      expect(JSON.parse(payload!)).toEqual(JSON.parse(JSON.stringify([event])));
    }
  });

  it("keep each device's events in one payload, in order, unless they alone exceed one", () => {
    // 40 devices with 6 readings each, as a commit groups them, and a status after one's readings.
    const events: LiveEvent[] = Array.from({ length: 40 }, (_, d) =>
      readings(`device-${String(d).padStart(2, "0")}`, d * 6, 6),
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
    // A device with more than fits is split into several readings events, still in order.
    const chatty = readings("chatty", 0, 200);
    const split = encodeLivePayloads([chatty]).map(decodeLivePayload);
    expect(split.length).toBeGreaterThan(1);
    for (const p of split) expect(p.every((e) => e.type === "readings" && e.device === "chatty")).toBe(true);
    expect(readingsOf(split.flat(), "chatty")).toEqual(chatty.readings);
  });

  it("ignores garbage", () => {
    expect(decodeLivePayload("nope")).toEqual([]);
  });
});
