import { clientAddress } from "@/lib/server/auth/origin";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { listManagedUsers } from "@/lib/server/db/queries/user-admin";
import { forbidden } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";
import { newUserInput } from "@/lib/domain/users/input";
import { createUser } from "@/lib/server/users/manage";
import { toUserResultView, toUserView } from "@/lib/server/users/view";

export const dynamic = "force-dynamic";

/** Users the caller manages (global admins: everyone; site admins: their sites' members). */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  if (!canAnywhere(viewer, "user.manage")) throw forbidden();
  const users = await listManagedUsers(getDb().sql, scopeFor(viewer, "user.manage"));
  return Response.json({ items: users.map(toUserView) });
});

/** Create a user with a password, or get a one-time link for them to choose one. */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  if (!canAnywhere(viewer, "user.manage")) throw forbidden();
  const result = await createUser(
    getDb().sql,
    viewer,
    await jsonBody(req, newUserInput),
    clientAddress(req.headers),
  );
  return Response.json(toUserResultView(result, req.nextUrl.origin), { status: 201 });
});
