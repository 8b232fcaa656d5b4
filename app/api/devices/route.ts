import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { getDevice, listDevices } from "@/lib/server/db/queries/devices";
import { newDeviceInput } from "@/lib/domain/devices/input";
import { provisionDevices } from "@/lib/server/devices/provision";
import { toCreatedDeviceView } from "@/lib/server/devices/view";
import { deviceCredentials } from "@/lib/server/http/device-credentials";
import { deviceListQuery } from "@/lib/server/http/device-params";
import { forbidden } from "@/lib/server/http/errors";
import { provisionError } from "@/lib/server/http/provision-error";
import { toPageView } from "@/lib/server/http/page";
import { jsonBody, queryParams, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const params = deviceListQuery.parse(queryParams(req));
  const { items, total } = await listDevices(getDb().sql, scopeFor(viewer, "device.read"), params);
  return Response.json(toPageView(items, total, params));
});

/** Provisions one device (site admins, global admins); its credentials are in the answer, once. */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  if (!canAnywhere(viewer, "device.manage")) throw forbidden("Only site admins add devices.");
  const input = await jsonBody(req, newDeviceInput);
  const { sql } = getDb();
  const result = await provisionDevices(sql, viewer, [input]);
  if (!result.ok) throw provisionError(result.errors);
  const created = result.devices[0]!;
  const device = await getDevice(sql, scopeFor(viewer, "device.read"), created.key);
  await audit(sql, {
    action: "device.create",
    actor: viewer,
    target: { type: "device", id: created.key },
    siteId: device?.siteId,
    ip: clientAddress(req.headers),
    details: { name: input.name, site: input.site, type: input.type ?? null },
  });
  return Response.json(toCreatedDeviceView(device, deviceCredentials(req, created.key, created.token)), {
    status: 201,
  });
});
