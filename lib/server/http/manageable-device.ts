import type { Principal } from "../auth/principal";
import { can } from "../auth/permissions";
import type { Sql } from "../db/connect";
import { forbidden } from "./errors";
import { requireVisibleDevice } from "./device-access";

/** The device at `key` if the caller may manage it: 404 when they can't see it, 403 when they only see it. */
export async function requireManageableDevice(sql: Sql, viewer: Principal, key: string) {
  const device = await requireVisibleDevice(sql, viewer, key);
  if (!can(viewer, "device.manage", device.siteId))
    throw forbidden("Only admins of this device's site can change it.");
  return device;
}
