import mqtt, { type IPublishPacket } from "mqtt";
import { afterAll, describe, expect, it } from "vitest";
import { uniqueId } from "../../test/support/fixtures";
import { startEmbeddedBroker, type RunningBroker } from "./broker";
import { freePort } from "./ports";

let broker: RunningBroker | undefined;
afterAll(async () => broker?.stop());

describe("embedded broker", () => {
  it("sends a persistent session's unacknowledged message again with the DUP flag, and a new one without", async () => {
    broker = await startEmbeddedBroker(await freePort());
    const clientId = `it-dup-${uniqueId()}`;
    const options = { clientId, clean: false, reconnectPeriod: 0 };
    // A subscriber that takes the message and dies before its PUBACK.
    const first = await mqtt.connectAsync(broker.url, options);
    await first.subscribeAsync("dup/test", { qos: 1 });
    const taken = new Promise<IPublishPacket>((resolve) => {
      first.handleMessage = (packet) => resolve(packet as IPublishPacket); // never calls back: no PUBACK
    });
    const publisher = await mqtt.connectAsync(broker.url, { clientId: `it-dup-pub-${uniqueId()}` });
    await publisher.publishAsync("dup/test", "once", { qos: 1 });
    expect((await taken).dup).toBe(false);
    first.end(true); // at once, without waiting for anything in flight

    const again = mqtt.connect(broker.url, { ...options, manualConnect: true });
    const received: { payload: string; dup: boolean }[] = [];
    again.on("message", (_topic, payload, packet) =>
      received.push({ payload: payload.toString(), dup: packet.dup }),
    );
    again.connect();
    await new Promise<void>((resolve) => again.once("connect", () => resolve()));
    await publisher.publishAsync("dup/test", "fresh", { qos: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toEqual([
      { payload: "once", dup: true },
      { payload: "fresh", dup: false },
    ]);
    await again.endAsync();
    await publisher.endAsync();
  });
});
