import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_PAYLOAD_BYTES } from "../telemetry/payload";
import { QUARANTINE_KEPT_BYTES, keptPayload } from "./payload";

describe("keptPayload", () => {
  it("keeps a payload up to the limit whole, as a copy", () => {
    const payload = Buffer.alloc(MAX_PAYLOAD_BYTES, 0x31);
    const kept = keptPayload(payload);
    expect(kept).toEqual({ payload, cut: null });
    expect(kept.payload.buffer).not.toBe(payload.buffer);
  });

  it("keeps only the first bytes of a bigger one, with its length and SHA-256", () => {
    const payload = Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 0x32);
    expect(keptPayload(payload)).toEqual({
      payload: payload.subarray(0, QUARANTINE_KEPT_BYTES),
      cut: { totalBytes: MAX_PAYLOAD_BYTES + 1, sha256: createHash("sha256").update(payload).digest("hex") },
    });
  });
});
