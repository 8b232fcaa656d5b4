import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeviceCoalescer } from "./coalesce";
import type { NumberedEvent } from "./hub";

let id = 0;
const reading = (device: string, value: number): NumberedEvent => ({
  type: "reading",
  device,
  metric: "t",
  ts: 1000 + value,
  value,
  id: ++id,
});

describe("DeviceCoalescer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    id = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("sends a quiet device's reading at the end of the turn and paces a busy one to 10 events a second, dropping nothing", () => {
    const sent: { type: string; data: unknown; id: number }[] = [];
    const c = new DeviceCoalescer(
      (type, data, eventId) => sent.push({ type, data, id: eventId }),
      100,
      () => Date.now(),
    );
    c.push(reading("a", 0));
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    // 50 readings a second for 2 s.
    for (let i = 1; i <= 100; i++) {
      vi.advanceTimersByTime(20);
      c.push(reading("a", i));
    }
    vi.advanceTimersByTime(200);
    const values = sent.flatMap((s) =>
      s.type === "reading"
        ? [(s.data as { value: number }).value]
        : (s.data as { readings: { value: number }[] }).readings.map((r) => r.value),
    );
    expect(values).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(sent.length).toBeLessThanOrEqual(1 + 2 * 10 + 1);
    c.close();
  });

  it("sends the readings of one turn (one commit's notifications) as one event, without waiting", () => {
    const sent: { type: string; data: unknown }[] = [];
    const c = new DeviceCoalescer(
      (type, data) => sent.push({ type, data }),
      100,
      () => Date.now(),
    );
    c.push(reading("a", 1));
    c.push(reading("b", 2));
    c.push(reading("a", 3));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([
      {
        type: "readings",
        data: {
          type: "readings",
          device: "a",
          readings: [
            { metric: "t", ts: 1001, value: 1 },
            { metric: "t", ts: 1003, value: 3 },
          ],
        },
      },
      { type: "reading", data: expect.objectContaining({ device: "b", value: 2 }) },
    ]);
    c.close();
  });

  it("never lets an event id pass a reading still held back for another device", () => {
    const sent: { type: string; id: number }[] = [];
    const c = new DeviceCoalescer(
      (type, _data, eventId) => sent.push({ type, id: eventId }),
      100,
      () => Date.now(),
    );
    c.push(reading("a", 1)); // id 1
    vi.advanceTimersByTime(0); // sent
    vi.advanceTimersByTime(10);
    c.push(reading("a", 2)); // id 2, held: a sent 10 ms ago
    c.push(reading("b", 3)); // id 3, sent at the turn's end: but id 2 is not out yet
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([
      { type: "reading", id: 1 },
      { type: "reading", id: 1 },
    ]);
    vi.advanceTimersByTime(90);
    expect(sent.at(-1)).toEqual({ type: "reading", id: 3 });
    c.close();
  });

  it("sends a status after the device's held readings, in order", () => {
    const sent: string[] = [];
    const c = new DeviceCoalescer(
      (type) => sent.push(type),
      100,
      () => Date.now(),
    );
    c.push(reading("a", 1));
    vi.advanceTimersByTime(0);
    c.push(reading("a", 2));
    c.push({ type: "status", device: "a", status: "offline", ts: 5, id: ++id });
    expect(sent).toEqual(["reading", "reading", "status"]);
    c.close();
  });

  it("stops its timers when closed", () => {
    const sent: string[] = [];
    const c = new DeviceCoalescer(
      (type) => sent.push(type),
      100,
      () => Date.now(),
    );
    c.push(reading("a", 1));
    c.close();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });
});
