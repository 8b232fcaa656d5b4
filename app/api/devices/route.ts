import { authenticate } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { listDevices } from "@/lib/db/queries/devices";
import { deviceListQuery } from "@/lib/http/device-params";
import { queryParams, route } from "@/lib/http/route";
import { scopeFor } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const params = deviceListQuery.parse(queryParams(req));
  const { items, total } = await listDevices(getDb().sql, scopeFor(viewer, "device.read"), params);
  return Response.json({ items, total, page: params.page, pageSize: params.pageSize });
});
