import { z } from "zod";
import { isUuid } from "@/lib/domain/ids";
import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { can } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { acknowledgeAlert, alertSite } from "@/lib/server/db/queries/alerts";
import { ApiError, forbidden, notFound } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

const body = z.object({ comment: z.string().trim().max(500, "at most 500 characters").optional() });

/** Operators acknowledge an alert, with an optional comment; who and when are kept. */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const alert = isUuid(id) ? await alertSite(sql, id) : null;
  if (!alert || !can(viewer, "device.read", alert.siteId)) throw notFound("alert");
  if (!can(viewer, "alert.ack", alert.siteId))
    throw forbidden("Operators and admins of the site acknowledge its alerts.");
  if (alert.acked)
    throw new ApiError(409, "already_acknowledged", "Someone acknowledged this alert already.");
  const { comment } = await jsonBody(req, body);
  await acknowledgeAlert(sql, id, viewer.id, comment || null);
  await audit(sql, {
    action: "alert.ack",
    actor: viewer,
    target: { type: "alert", id },
    siteId: alert.siteId,
    ip: clientAddress(req.headers),
    details: { comment: comment ?? null },
  });
  return new Response(null, { status: 204 });
});
