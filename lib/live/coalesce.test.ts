import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeviceCoalescer } from "./coalesce";
import type { NumberedEvent } from "./hub";

let id = 0;
const reading = (device: string, value: number): NumberedEvent => ({ type: "reading", device, metric: "t", ts: 1000 + value, value, id: ++id });

describe("DeviceCoalescer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    id = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("sends a quiet device's reading at once and paces a busy one to 10 events a second, dropping nothing", () => {
    const sent: { type: string; data: unknown; id: number }[] = [];
    const c = new DeviceCoalescer((type, data, eventId) => sent.push({ type, data, id: eventId }), 100, () => Date.now());
    c.push(reading("a", 0));
    expect(sent).toHaveLength(1);
    // 50 readings a second for 2 s.
    for (let i = 1; i <= 100; i++) {
      vi.advanceTimersByTime(20);
      c.push(reading("a", i));
    }
    vi.advanceTimersByTime(200);
    const values = sent.flatMap((s) => (s.type === "reading" ? [(s.data as { value: number }).value] : (s.data as { readings: { value: number }[] }).readings.map((r) => r.value)));
    expect(values).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(sent.length).toBeLessThanOrEqual(1 + 2 * 10 + 1);
    c.close();
  });

  it("never lets an event id pass a reading still held back for another device", () => {
    const sent: { type: string; id: number }[] = [];
    const c = new DeviceCoalescer((type, _data, eventId) => sent.push({ type, id: eventId }), 100, () => Date.now());
    c.push(reading("a", 1)); // id 1, sent
    c.push(reading("a", 2)); // id 2, held
    c.push(reading("b", 3)); // id 3, sent: but id 2 is not out yet
    expect(sent.map((s) => s.id)).toEqual([1, 1]);
    vi.advanceTimersByTime(100);
    expect(sent.at(-1)).toEqual({ type: "readings", id: 3 });
    c.close();
  });

  it("sends a status after the device's held readings, in order", () => {
    const sent: string[] = [];
    const c = new DeviceCoalescer((type) => sent.push(type), 100, () => Date.now());
    c.push(reading("a", 1));
    c.push(reading("a", 2));
    c.push({ type: "status", device: "a", status: "offline", ts: 5, id: ++id });
    expect(sent).toEqual(["reading", "readings", "status"]);
    c.close();
  });
});
