import mqttPacket from "mqtt-packet";
import { describe, expect, it } from "vitest";
import { packetSizeCheck } from "./packet-limit";

const publish = (payloadBytes: number) =>
  mqttPacket.generate({
    cmd: "publish",
    topic: "devices/a/telemetry",
    payload: Buffer.alloc(payloadBytes, 0x31),
    qos: 1,
    messageId: 1,
    dup: false,
    retain: false,
  });
const ping = () => mqttPacket.generate({ cmd: "pingreq" });

/** Feeds `bytes` in chunks of `size`, as a socket would hand them over; false once refused. */
function feed(check: (chunk: Uint8Array) => boolean, bytes: Buffer, size: number): boolean {
  for (let i = 0; i < bytes.length; i += size) if (!check(bytes.subarray(i, i + size))) return false;
  return true;
}

describe("packetSizeCheck", () => {
  it("passes packets up to the limit, whole or cut anywhere, and refuses the first one over it", () => {
    const fitting = publish(1000);
    const limit = fitting.length;
    for (const size of [1, 2, 3, 7, 1000, 1_000_000]) {
      const stream = Buffer.concat([fitting, ping(), fitting, ping()]);
      expect(feed(packetSizeCheck(limit), stream, size)).toBe(true);
      expect(feed(packetSizeCheck(limit), Buffer.concat([stream, publish(1001)]), size)).toBe(false);
    }
  });

  it("refuses from the header alone, before the body arrives", () => {
    const check = packetSizeCheck(64 * 1024);
    expect(check(publish(10 * 1024 * 1024).subarray(0, 5))).toBe(false);
  });

  it("refuses a length that runs past four bytes", () => {
    expect(packetSizeCheck(1 << 30)(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toBe(false);
  });
});
