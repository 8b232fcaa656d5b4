import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeSegment, encodeRecord } from "./journal-format";

describe("journal records", () => {
  const records = [
    {
      messageId: randomUUID(),
      topic: "devices/a/telemetry",
      payload: Buffer.from('{"t":1}'),
      receivedAt: 1_700_000_000_123,
    },
    {
      messageId: randomUUID(),
      topic: "devices/ü/telemetry/x",
      payload: Buffer.from([0, 255, 7]),
      receivedAt: 1_700_000_000_456.5,
    },
    {
      messageId: "00000000-0000-4000-8000-00000000000f",
      topic: "devices/b/status",
      payload: Buffer.alloc(0),
      receivedAt: 0,
    },
  ];
  const segment = Buffer.concat(records.map(encodeRecord));

  it("round-trip byte for byte", () => {
    expect(decodeSegment(segment)).toEqual({ records, intact: true });
  });

  it("stop at a torn tail (a crash mid-write) and keep what came before", () => {
    for (let cut = 1; cut < encodeRecord(records[2]!).length; cut++) {
      const torn = decodeSegment(segment.subarray(0, segment.length - cut));
      expect(torn.records).toEqual(records.slice(0, 2));
      expect(torn.intact).toBe(false);
    }
  });

  it("stop at a corrupted record", () => {
    const bad = Buffer.from(segment);
    const at = encodeRecord(records[0]!).length + 12;
    bad[at] = bad[at]! ^ 0xff;
    expect(decodeSegment(bad).records).toEqual(records.slice(0, 1));
  });
});
