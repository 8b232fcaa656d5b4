import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { getQuarantined } from "@/lib/server/db/queries/quarantine";
import { ApiError, forbidden, notFound } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";
import { quarantineId } from "@/lib/domain/quarantine/filter";
import { replayRow } from "@/lib/server/quarantine/replay";

export const dynamic = "force-dynamic";

/**
 * Sends one quarantined message through the pipeline again. 200 `{result: "replayed", readings}`
 * when it is usable now; 422 with the reason as it stands when it still isn't.
 */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  if (!canAnywhere(viewer, "quarantine.replay")) throw forbidden();
  const { sql } = getDb();
  const parsed = quarantineId.safeParse(id);
  const row = parsed.success
    ? await getQuarantined(sql, scopeFor(viewer, "quarantine.replay"), parsed.data)
    : null;
  if (!row) throw notFound("such quarantined message");
  const result = await replayRow(sql, row, viewer.id);
  if (result.result === "already_replayed")
    throw new ApiError(409, "already_replayed", "This message has already been replayed.");
  await audit(sql, {
    action: "quarantine.replay",
    actor: viewer,
    target: { type: "quarantine", id: String(row.id) },
    siteId: row.siteId,
    ip: clientAddress(req.headers),
    details: result,
  });
  if (result.result === "rejected")
    throw new ApiError(422, result.reason, `Still not usable: ${result.detail}`);
  return Response.json(result);
});
