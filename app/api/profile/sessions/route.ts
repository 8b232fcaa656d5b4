import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { endSessions } from "@/lib/server/db/queries/users";
import { forbidden } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** "Sign out everywhere": ends every session of yours, this one too (API tokens stay; revoke them on their own). */
export const DELETE = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  if (viewer.via !== "session")
    throw forbidden("Sign out everywhere from a browser session, not with an API token.");
  const { sql } = getDb();
  await endSessions(sql, viewer.id);
  await audit(sql, {
    action: "user.sign_out_everywhere",
    actor: viewer,
    target: { type: "user", id: viewer.email },
    ip: clientAddress(req.headers),
  });
  return new Response(null, { status: 204 });
});
