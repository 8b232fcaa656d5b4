import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeviceCoalescer } from "./coalesce";
import type { LiveEvent } from "../../domain/live/events";
import type { NumberedEvent } from "./hub";

let id = 0;
/** One commit's readings event of a device, with one reading. */
const reading = (device: string, value: number): NumberedEvent => ({
  id: ++id,
  event: { type: "readings", device, readings: [{ metric: "t", ts: 1000 + value, value }] },
});
const values = (event: LiveEvent) => (event.type === "readings" ? event.readings.map((r) => r.value) : []);

describe("DeviceCoalescer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    id = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("sends a quiet device's reading at the end of the turn and paces a busy one to 10 events a second, dropping nothing", () => {
    const sent: LiveEvent[] = [];
    const c = new DeviceCoalescer(
      (event) => sent.push(event),
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
    expect(sent.flatMap(values)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(sent.length).toBeLessThanOrEqual(1 + 2 * 10 + 1);
    c.close();
  });

  it("sends the readings of one turn (one commit's notifications) as one event, without waiting", () => {
    const sent: LiveEvent[] = [];
    const c = new DeviceCoalescer(
      (event) => sent.push(event),
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
        device: "a",
        readings: [
          { metric: "t", ts: 1001, value: 1 },
          { metric: "t", ts: 1003, value: 3 },
        ],
      },
      { type: "readings", device: "b", readings: [{ metric: "t", ts: 1002, value: 2 }] },
    ]);
    c.close();
  });

  it("never lets an event id pass a reading still held back for another device", () => {
    const sent: { type: string; id: number }[] = [];
    const c = new DeviceCoalescer(
      (event, eventId) => sent.push({ type: event.type, id: eventId }),
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
      { type: "readings", id: 1 },
      { type: "readings", id: 1 },
    ]);
    vi.advanceTimersByTime(90);
    expect(sent.at(-1)).toEqual({ type: "readings", id: 3 });
    c.close();
  });

  it("sends a status after the device's held readings, in order", () => {
    const sent: string[] = [];
    const c = new DeviceCoalescer(
      (event) => sent.push(event.type),
      100,
      () => Date.now(),
    );
    c.push(reading("a", 1));
    vi.advanceTimersByTime(0);
    c.push(reading("a", 2));
    c.push({ id: ++id, event: { type: "status", device: "a", status: "offline", ts: 5 } });
    expect(sent).toEqual(["readings", "readings", "status"]);
    c.close();
  });

  it("stops its timers when closed", () => {
    const sent: string[] = [];
    const c = new DeviceCoalescer(
      (event) => sent.push(event.type),
      100,
      () => Date.now(),
    );
    c.push(reading("a", 1));
    c.close();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });
});
