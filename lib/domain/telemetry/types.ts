/** One value of one metric at one time, as the ingest path writes it. */
export interface Reading {
  metric: string;
  /** Epoch milliseconds, device time when trusted, else server receive time. */
  ts: number;
  value: number;
  flags: number;
}

/** A reading of a known device, as a batch commits it. */
export interface DeviceReading extends Reading {
  deviceId: string;
  deviceKey: string;
}

/** Reading.flags bit: the device's own time was missing or not trusted. */
export const FLAG_UNTRUSTED_TIME = 1;

export type RejectReason =
  | "malformed"
  | "unknown_device"
  | "disabled_device"
  | "out_of_range"
  | "too_large"
  | "bad_timestamp"
  | "bad_topic"
  /** A bug or surprise on our side: kept for replay once fixed. */
  | "internal_error";

export type ParseResult =
  { ok: true; readings: Reading[] } | { ok: false; reason: RejectReason; detail: string };

export function reject(reason: RejectReason, detail: string): ParseResult {
  return { ok: false, reason, detail };
}
