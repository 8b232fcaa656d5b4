import { canAnywhere } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { listUnprovisioned, toUnprovisionedKeyView } from "@/lib/server/db/queries/unprovisioned";
import { forbidden } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";

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
  const { items, total } = await listUnprovisioned(getDb().sql);
  return Response.json({ items: items.map(toUnprovisionedKeyView), total });
});
