import { clientAddress } from "@/lib/server/auth/origin";
import { canAnywhere } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";
import { userPatchInput } from "@/lib/domain/users/input";
import { updateUser } from "@/lib/server/users/manage";
import { toUserResultView } from "@/lib/server/users/view";

export const dynamic = "force-dynamic";

/** Rename, change roles, disable/enable, set a password or issue a reset link. */
export const PATCH = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  // Someone who manages nobody learns nothing about who exists.
  if (!canAnywhere(viewer, "user.manage")) throw notFound("such user");
  const result = await updateUser(
    getDb().sql,
    viewer,
    id,
    await jsonBody(req, userPatchInput),
    clientAddress(req.headers),
  );
  return Response.json(toUserResultView(result, req.nextUrl.origin));
});
