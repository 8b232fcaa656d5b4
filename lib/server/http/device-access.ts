import type { Principal } from "../auth/principal";
import { scopeFor } from "../auth/permissions";
import type { Sql } from "../db/connect";
import { getDevice } from "../db/queries/devices";
import { ApiError } from "./errors";
import { deviceKeySchema } from "./device-params";

/**
 * The device at `key` if the caller may see it. Unknown and not-yours look the same (404),
 * so keys of other sites don't leak.
 */
export async function requireVisibleDevice(sql: Sql, viewer: Principal, key: string) {
  const parsed = deviceKeySchema.safeParse(key);
  const device = parsed.success ? await getDevice(sql, scopeFor(viewer, "device.read"), parsed.data) : null;
  if (!device) throw new ApiError(404, "not_found", `No device "${key}".`);
  return device;
}
