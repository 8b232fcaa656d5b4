import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { listDeliveries, toDeliveryView } from "@/lib/server/db/queries/webhook-deliveries";
import { requireManageableWebhook } from "@/lib/server/http/webhook-access";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** The endpoint's delivery log: the newest 50 deliveries with their attempts, codes, times and next retry. */
export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req);
  const { sql } = getDb();
  await requireManageableWebhook(sql, viewer, id);
  const deliveries = await listDeliveries(sql, id);
  return Response.json({ items: deliveries.map(toDeliveryView) });
});
