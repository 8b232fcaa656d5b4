import type { ReadingsEvent, StatusEvent } from "@/lib/domain/live/events";
import type { DeviceView } from "@/lib/server/db/queries/devices";

/**
 * A device after a readings event: heard from now, so online. A reading becomes the latest
 * value only when it is the newest by device time (docs/architecture.md: late data is not news).
 */
export function applyReadings(device: DeviceView, e: ReadingsEvent, now: number): DeviceView {
  const latest = { ...device.latest };
  for (const { metric, ts, value } of e.readings) {
    const prev = latest[metric];
    if (!prev || ts >= prev.ts) latest[metric] = { ts, value };
  }
  return {
    ...device,
    status: "online",
    lastSeenAt: new Date(Math.max(now, device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0)).toISOString(),
    latest,
  };
}

export function applyStatus(device: DeviceView, e: StatusEvent): DeviceView {
  // A device that never sent a reading stays "never seen" whatever it announces (as on the server).
  if (!device.lastSeenAt) return device;
  return { ...device, status: e.status };
}
