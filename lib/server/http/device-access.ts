import type { Principal } from "../auth/principal";
import { getDb } from "../db/client";
import { getDevice } from "../db/queries/devices";
import { ApiError } from "./errors";
import { deviceKeySchema } from "./device-params";
import { scopeFor } from "../auth/permissions";

/**
 * The device at `key` if the caller may see it. Unknown and not-yours look the same (404),
 * so keys of other sites don't leak.
 */
export async function requireVisibleDevice(viewer: Principal, key: string) {
  const parsed = deviceKeySchema.safeParse(key);
  const device = parsed.success
    ? await getDevice(getDb().sql, scopeFor(viewer, "device.read"), parsed.data)
    : null;
  if (!device) throw new ApiError(404, "not_found", `No device "${key}".`);
  return device;
}
