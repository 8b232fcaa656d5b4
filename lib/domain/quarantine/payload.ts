import { createHash } from "node:crypto";
import { MAX_PAYLOAD_BYTES } from "../telemetry/payload";

/** How much of an oversized payload quarantine keeps: enough to see what it was. */
export const QUARANTINE_KEPT_BYTES = 4096;

/** Set when quarantine kept only a payload's first bytes: its whole length and SHA-256 (hex). */
export interface PayloadCut {
  totalBytes: number;
  sha256: string;
}

export interface KeptPayload {
  /** A copy: the received buffer may be a view of a larger one that a batch would keep alive. */
  payload: Buffer;
  cut: PayloadCut | null;
}

/**
 * What quarantine stores of a payload. One over MAX_PAYLOAD_BYTES can never be used, now or on
 * a replay, so only its first QUARANTINE_KEPT_BYTES are kept, with its length and hash to tell
 * it by; anything smaller is kept whole, to be replayed once its cause is fixed.
 */
export function keptPayload(payload: Uint8Array): KeptPayload {
  if (payload.byteLength <= MAX_PAYLOAD_BYTES) return { payload: Buffer.from(payload), cut: null };
  return {
    payload: Buffer.from(payload.subarray(0, QUARANTINE_KEPT_BYTES)),
    cut: { totalBytes: payload.byteLength, sha256: createHash("sha256").update(payload).digest("hex") },
  };
}
