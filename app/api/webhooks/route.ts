import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import {
  insertWebhook,
  listWebhooks,
  toCreatedWebhookView,
  toWebhookView,
} from "@/lib/server/db/queries/webhooks-admin";
import { ADMINS_ONLY, requireSafeUrl } from "@/lib/server/http/webhook-access";
import { requireSiteFor } from "@/lib/server/http/site-access";
import { jsonBody, route } from "@/lib/server/http/route";
import { webhookCreateInput } from "@/lib/domain/webhooks/input";
import { generateWebhookSecret } from "@/lib/server/webhooks/signature";

export const dynamic = "force-dynamic";

/** The endpoints of the sites the caller administers (secrets hidden). */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const hooks = await listWebhooks(getDb().sql, scopeFor(viewer, "webhook.manage"));
  return Response.json({ items: hooks.map(toWebhookView) });
});

/** Site admins add an endpoint; the answer carries its signing secret (also shown later on demand). */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  const input = await jsonBody(req, webhookCreateInput);
  const { sql } = getDb();
  const [row] = await sql<{ id: string }[]>`select id from sites where slug = ${input.site}`;
  const siteId = requireSiteFor(
    viewer,
    "webhook.manage",
    { slug: input.site, id: row?.id ?? null },
    ADMINS_ONLY,
  );
  await requireSafeUrl(input.url);
  const secret = generateWebhookSecret();
  const id = await insertWebhook(sql, {
    siteId,
    name: input.name,
    url: input.url,
    secret,
    createdBy: viewer.id,
  });
  await audit(sql, {
    action: "webhook.create",
    actor: viewer,
    target: { type: "webhook", id },
    siteId,
    ip: clientAddress(req.headers),
    details: { name: input.name, url: input.url },
  });
  const [hook] = await listWebhooks(sql, { all: true }, id);
  return Response.json(toCreatedWebhookView(hook!, secret), { status: 201 });
});
