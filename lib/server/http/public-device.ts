import type { DeviceView } from "../db/queries/devices";

/** A device as the API shows it: without internal ids. */
export function publicDevice(device: DeviceView & { id: string; siteId: string }): DeviceView {
  const { id: _id, siteId: _siteId, ...rest } = device;
  return rest;
}
