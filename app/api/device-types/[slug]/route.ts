import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { can } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { listDeviceTypes, updateDeviceType } from "@/lib/server/db/queries/device-types";
import { deviceTypeChangesInput } from "@/lib/domain/devices/type-input";
import { forbidden, notFound } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Changes a type's name, timeout or metric schema; the ingest worker applies it within seconds (its device cache). */
export const PATCH = route<{ slug: string }>(async (req, { slug }) => {
  const viewer = await authenticate(req, { write: true });
  if (!can(viewer, "type.manage", ""))
    throw forbidden("Only global admins change device types (every site shares them).");
  const changes = await jsonBody(req, deviceTypeChangesInput);
  const { sql } = getDb();
  if (!(await updateDeviceType(sql, slug, changes))) throw notFound(`device type "${slug}"`);
  await audit(sql, {
    action: "device_type.update",
    actor: viewer,
    target: { type: "device_type", id: slug },
    ip: clientAddress(req.headers),
    details: changes,
  });
  return Response.json((await listDeviceTypes(sql)).find((t) => t.slug === slug));
});
