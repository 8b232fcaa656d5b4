import type { DeviceSummary } from "../api/types";

/** Several readings of one device in one event, when it sends faster than 10 a second. */
export type { ReadingsBatch } from "@/lib/server/live/coalesce";

export interface ReadingEvent {
  type: "reading";
  device: string;
  metric: string;
  ts: number;
  value: number;
}

export interface StatusEvent {
  type: "status";
  device: string;
  status: "online" | "offline";
  ts: number;
}

/**
 * A device after one of its readings: heard from now, so online. The reading becomes the latest
 * value only when it is the newest by device time (DESIGN §3: late data is not news).
 */
export function applyReading(device: DeviceSummary, e: ReadingEvent, now: number): DeviceSummary {
  const prev = device.latest[e.metric];
  const newer = !prev || e.ts >= Date.parse(prev.ts);
  return {
    ...device,
    status: "online",
    lastSeenAt: new Date(Math.max(now, device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0)).toISOString(),
    latest: newer
      ? { ...device.latest, [e.metric]: { ts: new Date(e.ts).toISOString(), value: e.value } }
      : device.latest,
  };
}

export function applyStatus(device: DeviceSummary, e: StatusEvent): DeviceSummary {
  // A device that never sent a reading stays "never seen" whatever it announces (as on the server).
  if (!device.lastSeenAt) return device;
  return { ...device, status: e.status };
}
