import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import {
  deleteWebhook,
  listWebhooks,
  toWebhookView,
  updateWebhook,
} from "@/lib/server/db/queries/webhooks-admin";
import { requireManageableWebhook, requireSafeUrl } from "@/lib/server/http/webhook-access";
import { jsonBody, route } from "@/lib/server/http/route";
import { webhookPatchInput } from "@/lib/domain/webhooks/input";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req);
  return Response.json(toWebhookView(await requireManageableWebhook(getDb().sql, viewer, id)));
});

/** Rename, repoint, switch off or on, or resume from a pause (`{"paused": false}`). */
export const PATCH = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const hook = await requireManageableWebhook(sql, viewer, id);
  const patch = await jsonBody(req, webhookPatchInput);
  if (patch.url !== undefined) await requireSafeUrl(patch.url);
  await updateWebhook(sql, id, patch);
  await audit(sql, {
    action: "webhook.update",
    actor: viewer,
    target: { type: "webhook", id },
    siteId: hook.siteId,
    ip: clientAddress(req.headers),
    details: patch,
  });
  const [updated] = await listWebhooks(sql, { all: true }, id);
  return Response.json(toWebhookView(updated!));
});

export const DELETE = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const hook = await requireManageableWebhook(sql, viewer, id);
  await deleteWebhook(sql, id);
  await audit(sql, {
    action: "webhook.delete",
    actor: viewer,
    target: { type: "webhook", id },
    siteId: hook.siteId,
    ip: clientAddress(req.headers),
    details: { name: hook.name, url: hook.url },
  });
  return new Response(null, { status: 204 });
});
