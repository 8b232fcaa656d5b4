import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { can } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { insertDeviceType, listDeviceTypes } from "@/lib/server/db/queries/device-types";
import { newDeviceTypeInput } from "@/lib/domain/devices/type-input";
import { ApiError, forbidden } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Device types and their metric schemas: anyone signed in may read them. */
export const GET = route(async (req) => {
  await authenticate(req);
  return Response.json({ items: await listDeviceTypes(getDb().sql) });
});

export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  if (!can(viewer, "type.manage", ""))
    throw forbidden("Only global admins define device types (every site shares them).");
  const input = await jsonBody(req, newDeviceTypeInput);
  const { sql } = getDb();
  if (!(await insertDeviceType(sql, input)))
    throw new ApiError(409, "conflict", `A device type "${input.slug}" exists already.`, {
      slug: "already taken",
    });
  await audit(sql, {
    action: "device_type.create",
    actor: viewer,
    target: { type: "device_type", id: input.slug },
    ip: clientAddress(req.headers),
    details: input,
  });
  return Response.json(input, { status: 201 });
});
