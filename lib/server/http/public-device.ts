import type { getDevice } from "../db/queries/devices";

/** A device as the API shows it: without internal ids. */
export function publicDevice(device: NonNullable<Awaited<ReturnType<typeof getDevice>>>) {
  const { id: _id, siteId: _siteId, ...rest } = device;
  return rest;
}
