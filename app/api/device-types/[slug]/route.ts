import { audit } from "@/lib/audit";
import { clientAddress } from "@/lib/auth/origin";
import { can } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { listDeviceTypes, updateDeviceType } from "@/lib/db/queries/device-types";
import { deviceTypeChangesInput } from "@/lib/devices/type-input";
import { forbidden, notFound } from "@/lib/http/errors";
import { jsonBody, route } from "@/lib/http/route";

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
