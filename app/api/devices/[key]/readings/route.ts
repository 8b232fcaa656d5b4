import { getDb } from "@/lib/server/db/client";
import { readingBuckets, type ReadingsView } from "@/lib/server/db/queries/readings";
import { authenticate } from "@/lib/server/auth/principal";
import { requireVisibleDevice } from "@/lib/server/http/device-access";
import { readingsQuery } from "@/lib/server/http/device-params";
import { queryParams, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ key: string }>(async (req, { key }) => {
  const viewer = await authenticate(req);
  const { sql } = getDb();
  const device = await requireVisibleDevice(sql, viewer, key);
  const q = readingsQuery.parse(queryParams(req));
  const result = await readingBuckets(sql, {
    deviceId: device.id,
    metric: q.metric,
    fromMs: q.from,
    toMs: q.to,
    points: q.points,
  });
  return Response.json({ metric: q.metric, from: q.from, to: q.to, ...result } satisfies ReadingsView);
});
