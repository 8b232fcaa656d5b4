import { clientAddress } from "@/lib/auth/origin";
import { canAnywhere } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/principal";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { jsonBody, route } from "@/lib/http/route";
import { userPatchInput } from "@/lib/users/input";
import { updateUser } from "@/lib/users/manage";

export const dynamic = "force-dynamic";

/** Rename, change roles, disable/enable, set a password or issue a reset link. */
export const PATCH = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  // Someone who manages nobody learns nothing about who exists.
  if (!canAnywhere(viewer, "user.manage")) throw notFound("such user");
  const { setPasswordPath, ...rest } = await updateUser(
    getDb().sql,
    viewer,
    id,
    await jsonBody(req, userPatchInput),
    clientAddress(req.headers),
  );
  return Response.json({
    ...rest,
    setPasswordUrl: setPasswordPath ? req.nextUrl.origin + setPasswordPath : null,
  });
});
