import { audit } from "@/lib/audit";
import { clientAddress } from "@/lib/auth/origin";
import { can, scopeFor } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { insertWebhook, listWebhooks } from "@/lib/db/queries/webhooks-admin";
import { ApiError } from "@/lib/http/errors";
import { requireSafeUrl, requireWebhookSite } from "@/lib/http/webhook-access";
import { jsonBody, route } from "@/lib/http/route";
import { webhookCreateInput } from "@/lib/webhooks/input";
import { generateWebhookSecret } from "@/lib/webhooks/signature";

export const dynamic = "force-dynamic";

/** The endpoints of the sites the caller administers (secrets hidden). */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  return Response.json({ items: await listWebhooks(getDb().sql, scopeFor(viewer, "webhook.manage")) });
});

/** Site admins add an endpoint; the answer carries its signing secret (also shown later on demand). */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  const input = await jsonBody(req, webhookCreateInput);
  const { sql } = getDb();
  const [site] = await sql<{ id: string }[]>`select id from sites where slug = ${input.site}`;
  // Unknown and not-yours read the same.
  if (!site || !can(viewer, "device.read", site.id))
    throw new ApiError(422, "invalid_reference", `no site "${input.site}"`, {
      site: `no site "${input.site}"`,
    });
  requireWebhookSite(viewer, site.id);
  await requireSafeUrl(input.url);
  const secret = generateWebhookSecret();
  const id = await insertWebhook(sql, {
    siteId: site.id,
    name: input.name,
    url: input.url,
    secret,
    createdBy: viewer.id,
  });
  await audit(sql, {
    action: "webhook.create",
    actor: viewer,
    target: { type: "webhook", id },
    siteId: site.id,
    ip: clientAddress(req.headers),
    details: { name: input.name, url: input.url },
  });
  const [hook] = await listWebhooks(sql, { all: true }, id);
  return Response.json({ ...hook, secret }, { status: 201 });
});
