import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { webhookSecret } from "@/lib/server/db/queries/webhooks-admin";
import { requireManageableWebhook } from "@/lib/server/http/webhook-access";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** The signing secret, on demand, to the site's admins (not to read-only tokens); each showing is audited. */
export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { secret: true });
  const { sql } = getDb();
  const hook = await requireManageableWebhook(sql, viewer, id);
  const secret = await webhookSecret(sql, id);
  await audit(sql, {
    action: "webhook.secret_shown",
    actor: viewer,
    target: { type: "webhook", id },
    siteId: hook.siteId,
    ip: clientAddress(req.headers),
  });
  return Response.json({ secret }, { headers: { "cache-control": "no-store" } });
});
