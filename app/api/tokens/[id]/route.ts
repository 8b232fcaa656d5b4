import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { isUuid } from "@/lib/domain/ids";
import { revokeToken } from "@/lib/server/db/queries/api-tokens";
import { notFound } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Revoke one of the caller's own tokens; it stops working at once. */
export const DELETE = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { orm, sql } = getDb();
  if (!isUuid(id) || !(await revokeToken(orm, viewer.id, id))) throw notFound("such token");
  await audit(sql, {
    action: "token.revoke",
    actor: viewer,
    target: { type: "token", id },
    ip: clientAddress(req.headers),
  });
  return new Response(null, { status: 204 });
});
