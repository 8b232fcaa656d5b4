import "server-only";
import { canAnywhere, scopeFor } from "../auth/permissions";
import { getDb } from "../db/client";
import { listDeviceTypes } from "../db/queries/device-types";
import { listVisibleSites } from "../db/queries/sites";
import type { Viewer } from "../db/queries/users";

/** For pages: the sites `viewer` adds devices to and every device type; null when they manage none. */
export async function provisioningContext(viewer: Viewer | null) {
  if (!viewer || !canAnywhere(viewer, "device.manage")) return null;
  const { orm, sql } = getDb();
  const [sites, types] = await Promise.all([
    listVisibleSites(orm, scopeFor(viewer, "device.manage")),
    listDeviceTypes(sql),
  ]);
  return {
    sites: sites.map(({ slug, name }) => ({ slug, name })),
    types: types.map(({ slug, name }) => ({ slug, name })),
  };
}
