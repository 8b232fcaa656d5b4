import type { DeviceView } from "../db/queries/devices";
import type { DeviceCredentialsView } from "../http/device-credentials";
import { publicDevice } from "../http/public-device";
import type { ProvisionSeenResult } from "./provision-seen";

/** What adding a device answers (201): the device, and its credentials this once. */
export interface CreatedDeviceView {
  /** null only if it can't be read back, which whoever may add a device can always do. */
  device: DeviceView | null;
  credentials: DeviceCredentialsView;
}

export function toCreatedDeviceView(
  device: (DeviceView & { id: string; siteId: string }) | null,
  credentials: DeviceCredentialsView,
): CreatedDeviceView {
  return { device: device && publicDevice(device), credentials };
}

/** Adding a key heard from: the device, and how replaying its quarantined messages went. */
export interface ProvisionedSeenView extends CreatedDeviceView {
  replayed: number;
  /** Still refused now, all reasons together, then by reason. */
  rejected: number;
  rejectedByReason: Record<string, number>;
  /** Left for replay-all on the Quarantine page. */
  remaining: number;
}

export function toProvisionedSeenView(
  device: (DeviceView & { id: string; siteId: string }) | null,
  credentials: DeviceCredentialsView,
  replay: Extract<ProvisionSeenResult, { ok: true }>,
): ProvisionedSeenView {
  return {
    ...toCreatedDeviceView(device, credentials),
    replayed: replay.replayed,
    rejected: replay.rejected,
    rejectedByReason: replay.rejectedByReason,
    remaining: replay.remaining,
  };
}
