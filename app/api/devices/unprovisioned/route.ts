import { canAnywhere } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { listUnprovisioned } from "@/lib/db/queries/unprovisioned";
import { forbidden } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Keys heard from but not provisioned: `{items: [{key, messages, firstSeenAt, lastSeenAt}], total}`.
 * Site admins see them too, not only global admins: such a key belongs to no site yet, and the
 * person installing a sensor at their site is the one who needs to find its key to add it. The
 * answer holds only keys, counts and times; the payloads stay global-admin only (quarantine rules).
 */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  if (!canAnywhere(viewer, "device.manage"))
    throw forbidden("Only site admins see devices that are not provisioned.");
  return Response.json(await listUnprovisioned(getDb().sql));
});
