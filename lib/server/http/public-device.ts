import type { DeviceSummary } from "../db/queries/devices";

/** A device as the API shows it: without internal ids. */
export function publicDevice(device: DeviceSummary & { id: string; siteId: string }): DeviceSummary {
  const { id: _id, siteId: _siteId, ...rest } = device;
  return rest;
}
