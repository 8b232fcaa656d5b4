import { afterAll, describe, expect, inject, it } from "vitest";
import { connectDb } from "../db/connect";
import type { LiveEvent } from "../../domain/live/events";
import { encodeLivePayloads, LIVE_CHANNEL } from "./channel";
import { LiveHub } from "./hub";
import { createSseStream } from "./sse";
import { StreamLimit } from "./stream-limit";

// Live streams fed by a real LISTEN connection: they deliver what was NOTIFYed, pace busy
// devices, and leave no listener, timer or slot behind when clients go.
const db = connectDb(inject("databaseUrl"));
const hub = new LiveHub(db.sql);
afterAll(() => db.close());

const decoder = new TextDecoder();

const DEVICES = new Set(["sse-busy", "sse-resume"]);

function open(limit: StreamLimit, user = "u1", lastEventId?: number) {
  const controller = new AbortController();
  const release = limit.tryOpen(user);
  if (!release) return null;
  const stream = createSseStream({
    hub,
    devices: DEVICES,
    signal: controller.signal,
    onClose: release,
    lastEventId,
  });
  return { controller, reader: stream.getReader() };
}

/** Reads until `count` reading values arrived (single or batched events); returns them and the raw text. */
async function readValues(reader: ReadableStreamDefaultReader<Uint8Array>, count: number) {
  let text = "";
  const values: number[] = [];
  while (values.length < count) {
    const { value } = await reader.read();
    text += decoder.decode(value);
    values.length = 0;
    for (const m of text.matchAll(/^data: (.*)$/gm)) {
      const data = JSON.parse(m[1]!) as LiveEvent;
      if (data.type === "readings") values.push(...data.readings.map((r) => r.value));
    }
  }
  return { values, text };
}

async function notify(events: LiveEvent[]) {
  for (const payload of encodeLivePayloads(events))
    await db.sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`;
}

describe("live streams", () => {
  it("deliver every NOTIFYed reading of a busy device, in fewer events", async () => {
    await hub.ready;
    const limit = new StreamLimit(5);
    const client = open(limit)!;
    // 200 commits' worth of one reading each.
    const readings = Array.from({ length: 200 }, (_, i): LiveEvent => ({
      type: "readings",
      device: "sse-busy",
      readings: [{ metric: "t", ts: 1000 + i, value: i }],
    }));
    const other: LiveEvent = {
      type: "readings",
      device: "other",
      readings: [{ metric: "t", ts: 1, value: 1 }],
    };
    await notify([...readings, other]);
    const { values, text } = await readValues(client.reader, 200);
    expect(values).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(text).not.toContain('"device":"other"'); // not accepted for this client
    expect(text.match(/^event: /gm)!.length).toBeLessThan(20);
    client.controller.abort();
  });

  it("resume after a Last-Event-ID from the hub's buffer", async () => {
    await hub.ready;
    const events = Array.from({ length: 5 }, (_, i): LiveEvent => ({
      type: "readings",
      device: "sse-resume",
      readings: [{ metric: "t", ts: 5000 + i, value: i }],
    }));
    await notify(events);
    const buffered = () => hub.since(0).filter((e) => e.event.device === "sse-resume");
    while (buffered().length < 5) await new Promise((r) => setTimeout(r, 10));
    const client = open(new StreamLimit(1), "u1", buffered()[1]!.id)!;
    expect((await readValues(client.reader, 3)).values).toEqual([2, 3, 4]);
    client.controller.abort();
  });

  it("clean up after 500 streams that open and close", async () => {
    await hub.ready;
    const limit = new StreamLimit(1000);
    const before = hub.listenerCount;
    const clients = Array.from({ length: 500 }, () => open(limit)!);
    await Promise.all(clients.map((c) => c.reader.read())); // each got its first bytes
    expect(hub.listenerCount).toBe(before + 500);
    expect(limit.total).toBe(500);
    // Half go away by disconnecting (the request aborts), half by cancelling the body.
    clients.forEach((c, i) => (i % 2 === 0 ? c.controller.abort() : void c.reader.cancel()));
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.listenerCount).toBe(before);
    expect(limit.total).toBe(0);
  });

  it("close when the person may no longer stream (disabled, sessions ended), and free the slot", async () => {
    await hub.ready;
    const limit = new StreamLimit(1);
    let allowed = true;
    const stream = createSseStream({
      hub,
      devices: DEVICES,
      signal: new AbortController().signal,
      onClose: limit.tryOpen("u2")!,
      heartbeatMs: 20,
      stillAllowed: async () => allowed,
    });
    const reader = stream.getReader();
    const heartbeat = async () => {
      for (;;) if (decoder.decode((await reader.read()).value).includes("heartbeat")) return;
    };
    await heartbeat(); // asked, allowed: the stream goes on
    allowed = false;
    for (;;) if ((await reader.read()).done) break; // the next heartbeat's check ends it
    expect(limit.total).toBe(0);
  });

  it("hold one user to the cap, and free a slot when a stream closes", () => {
    const limit = new StreamLimit(3);
    const streams = [open(limit), open(limit), open(limit)];
    expect(streams.every(Boolean)).toBe(true);
    expect(open(limit)).toBeNull();
    expect(open(limit, "someone-else")).not.toBeNull();
    streams[0]!.controller.abort();
    const again = open(limit);
    expect(again).not.toBeNull();
    [...streams, again].forEach((s) => s?.controller.abort());
  });
});
