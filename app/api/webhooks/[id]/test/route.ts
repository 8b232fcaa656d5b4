import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { enqueueTestDelivery } from "@/lib/server/db/queries/webhook-outbox";
import { loadEnv } from "@/lib/server/env";
import { requireManageableWebhook } from "@/lib/server/http/webhook-access";
import { route } from "@/lib/server/http/route";
import { deliverNow, deliveryOptions } from "@/lib/server/webhooks";
import { toAttemptView } from "@/lib/server/webhooks/view";

export const dynamic = "force-dynamic";

/** Sends a webhook.test event at once and answers how the attempt went; a success lifts a pause. */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const hook = await requireManageableWebhook(sql, viewer, id);
  const deliveryId = await enqueueTestDelivery(sql, id, viewer.email);
  const report = await deliverNow(
    sql,
    deliveryId,
    deliveryOptions({ allowPrivate: loadEnv().WEBHOOK_ALLOW_PRIVATE }),
  );
  await audit(sql, {
    action: "webhook.test",
    actor: viewer,
    target: { type: "webhook", id },
    siteId: hook.siteId,
    ip: clientAddress(req.headers),
    details: { outcome: report?.outcome, statusCode: report?.statusCode },
  });
  // null: the delivery loop claimed it first, so there is no attempt of ours to report.
  return Response.json(report ? toAttemptView(deliveryId, report) : { deliveryId });
});
