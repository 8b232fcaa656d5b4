import { getDb } from "@/lib/server/db/client";
import { latestValues } from "@/lib/server/db/queries/readings";
import { authenticate } from "@/lib/server/auth/principal";
import { requireVisibleDevice } from "@/lib/server/http/device-access";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req);
  const { sql } = getDb();
  const device = await requireVisibleDevice(sql, viewer, key);
  return Response.json(await latestValues(sql, device.id));
});
