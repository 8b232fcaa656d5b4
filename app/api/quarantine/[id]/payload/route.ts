import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { getQuarantined } from "@/lib/server/db/queries/quarantine";
import { forbidden, notFound } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";
import { quarantineId } from "@/lib/domain/quarantine/filter";

export const dynamic = "force-dynamic";

/** The stored payload, byte for byte, as a download; of an oversized one only its first bytes (the name and headers say so). */
export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req);
  if (!canAnywhere(viewer, "quarantine.read")) throw forbidden();
  const parsed = quarantineId.safeParse(id);
  const row = parsed.success
    ? await getQuarantined(getDb().sql, scopeFor(viewer, "quarantine.read"), parsed.data)
    : null;
  if (!row) throw notFound("such quarantined message");
  const cut = row.payloadCut;
  const name = cut
    ? `quarantine-${row.id}-first-${cut.keptBytes}-of-${row.payloadBytes}-bytes.bin`
    : `quarantine-${row.id}.bin`;
  return new Response(new Uint8Array(row.payload), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${name}"`,
      "x-content-type-options": "nosniff",
      ...(cut ? { "x-payload-bytes": String(row.payloadBytes), "x-payload-sha256": cut.sha256 } : {}),
    },
  });
});
