import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { passwordProblem } from "@/lib/domain/auth/password-policy";
import { authenticate } from "@/lib/server/auth/principal";
import { renewSessionCookie } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/client";
import { setPassword } from "@/lib/server/db/queries/users";
import { ApiError } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

const change = z.object({
  currentPassword: z.string().min(1, "required"),
  newPassword: z.string().min(1, "required"),
});

/** Change your own password (the current one is asked again, whatever the session); ends your other sessions. */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  const body = await jsonBody(req, change);
  const { sql } = getDb();
  const [row] = await sql<
    { password_hash: string }[]
  >`select password_hash from users where id = ${viewer.id}`;
  if (!row || !(await verifyPassword(row.password_hash, body.currentPassword))) {
    throw new ApiError(422, "invalid_field", "The current password is not right.", {
      currentPassword: "not right",
    });
  }
  const problem = passwordProblem(body.newPassword, viewer.email);
  if (problem) throw new ApiError(422, "weak_password", problem, { newPassword: problem });
  const version = await setPassword(sql, viewer.id, await hashPassword(body.newPassword));
  // Every other session ends; this one goes on, under the new version.
  if (viewer.via === "session") await renewSessionCookie(req, version);
  await audit(sql, {
    action: "user.password_change",
    actor: viewer,
    target: { type: "user", id: viewer.email },
    ip: clientAddress(req.headers),
  });
  return new Response(null, { status: 204 });
});
