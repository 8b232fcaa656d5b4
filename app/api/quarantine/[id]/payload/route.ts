import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { getQuarantined } from "@/lib/server/db/queries/quarantine";
import { forbidden, notFound } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";
import { quarantineId } from "@/lib/domain/quarantine/filter";

export const dynamic = "force-dynamic";

/** The raw payload, byte for byte, as a download. */
export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req);
  if (!canAnywhere(viewer, "quarantine.read")) throw forbidden();
  const parsed = quarantineId.safeParse(id);
  const row = parsed.success
    ? await getQuarantined(getDb().sql, scopeFor(viewer, "quarantine.read"), parsed.data)
    : null;
  if (!row) throw notFound("such quarantined message");
  return new Response(new Uint8Array(row.payload), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="quarantine-${row.id}.bin"`,
      "x-content-type-options": "nosniff",
    },
  });
});
