import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { deleteDevice, resolveSiteAndType, updateDevice } from "@/lib/server/db/queries/device-admin";
import { getDevice } from "@/lib/server/db/queries/devices";
import { deviceChangesInput } from "@/lib/domain/devices/input";
import { requireVisibleDevice } from "@/lib/server/http/device-access";
import { ApiError } from "@/lib/server/http/errors";
import { requireManageableDevice } from "@/lib/server/http/manageable-device";
import { publicDevice } from "@/lib/server/http/public-device";
import { requireSiteFor } from "@/lib/server/http/site-access";
import { leaveOldSites } from "@/lib/server/alerts/device-moved";
import { jsonBody, queryParams, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req);
  return Response.json(publicDevice(await requireVisibleDevice(getDb().sql, viewer, key)));
});

/** Edit, disable or enable (site admins). Moving a device needs admin rights on both sites. */
export const PATCH = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const device = await requireManageableDevice(sql, viewer, key);
  if (device.archivedAt)
    throw new ApiError(409, "archived", `Device "${key}" was deleted; only its data is kept.`);
  const changes = await jsonBody(req, deviceChangesInput);
  const { site, type, ...rest } = changes;
  const refs = await resolveSiteAndType(sql, site ?? device.site.slug, type);
  if (site !== undefined && refs.siteId !== device.siteId)
    requireSiteFor(
      viewer,
      "device.manage",
      { slug: site, id: refs.siteId },
      `You can't move devices to site "${site}".`,
    );
  if (type && !refs.typeId)
    throw new ApiError(422, "invalid_reference", `No device type "${type}".`, {
      type: `no device type "${type}"`,
    });
  const moved = refs.siteId !== device.siteId;
  const leftBehind = await sql.begin(async (tx) => {
    await updateDevice(tx, device.id, {
      ...rest,
      ...(site !== undefined ? { siteId: refs.siteId! } : {}),
      ...(type !== undefined ? { typeId: type ? refs.typeId : null } : {}),
    });
    // The old site's alert rules and webhooks hear no more of it (docs/api.md, "Moving a device").
    return moved ? leaveOldSites(tx, device.id, refs.siteId!) : null;
  });
  const action =
    changes.disabled === true
      ? "device.disable"
      : changes.disabled === false
        ? "device.enable"
        : "device.update";
  await audit(sql, {
    action,
    actor: viewer,
    target: { type: "device", id: key },
    siteId: refs.siteId ?? device.siteId,
    ip: clientAddress(req.headers),
    // What a move did to the old site's alerting: which rules went "device_moved", which alerts it closed.
    details: leftBehind ? { ...changes, ...leftBehind } : changes,
  });
  return Response.json(publicDevice((await getDevice(sql, scopeFor(viewer, "device.read"), key))!));
});

const deleteQuery = z.object({
  data: z.enum(["keep", "drop"], { error: "say data=keep (the readings stay) or data=drop (they go too)" }),
});

/** Deletes a device, keeping or dropping its data (`?data=keep|drop`, no default: it is a choice). */
export const DELETE = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const device = await requireManageableDevice(sql, viewer, key);
  const { data } = deleteQuery.parse(queryParams(req));
  await deleteDevice(sql, device.id, data === "keep");
  await audit(sql, {
    action: "device.delete",
    actor: viewer,
    target: { type: "device", id: key },
    siteId: device.siteId,
    ip: clientAddress(req.headers),
    details: { data },
  });
  return new Response(null, { status: 204 });
});
