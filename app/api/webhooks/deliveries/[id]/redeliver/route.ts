import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { deliveryWebhook } from "@/lib/server/db/queries/webhook-deliveries";
import { loadEnv } from "@/lib/server/env";
import { ApiError, notFound } from "@/lib/server/http/errors";
import { requireManageableWebhook } from "@/lib/server/http/webhook-access";
import { route } from "@/lib/server/http/route";
import { deliverNow, deliveryOptions } from "@/lib/server/webhooks";
import { toAttemptView } from "@/lib/server/webhooks/view";

export const dynamic = "force-dynamic";

/** One more attempt, by hand and at once, with the same webhook-id (receivers dedupe on it). */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const webhookId = await deliveryWebhook(sql, id);
  if (!webhookId) throw notFound("delivery");
  const hook = await requireManageableWebhook(sql, viewer, webhookId);
  const report = await deliverNow(
    sql,
    id,
    deliveryOptions({ allowPrivate: loadEnv().WEBHOOK_ALLOW_PRIVATE }),
  );
  if (!report)
    throw new ApiError(409, "in_flight", "This delivery is being sent right now; look again in a moment.");
  await audit(sql, {
    action: "webhook.redeliver",
    actor: viewer,
    target: { type: "webhook_delivery", id },
    siteId: hook.siteId,
    ip: clientAddress(req.headers),
    details: { outcome: report.outcome, statusCode: report.statusCode },
  });
  return Response.json(toAttemptView(id, report));
});
