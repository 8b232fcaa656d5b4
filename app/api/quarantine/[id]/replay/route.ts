import { audit } from "@/lib/audit";
import { clientAddress } from "@/lib/auth/origin";
import { canAnywhere, scopeFor } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { getQuarantined } from "@/lib/db/queries/quarantine";
import { ApiError, forbidden, notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { quarantineId } from "@/lib/quarantine/filter";
import { replayRow } from "@/lib/quarantine/replay";

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
