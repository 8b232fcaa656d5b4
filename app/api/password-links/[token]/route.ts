import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { hashPassword } from "@/lib/server/auth/password";
import { passwordProblem } from "@/lib/domain/auth/password-policy";
import { getDb } from "@/lib/server/db/client";
import { setPassword } from "@/lib/server/db/queries/users";
import { ApiError } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";
import { consumePasswordLink } from "@/lib/server/users/password-links";

export const dynamic = "force-dynamic";

const body = z.object({ password: z.string().min(1, "required") });

/** Public on purpose: the one-time link in the path is the credential. */
export const POST = route<{ token: string }>(async (req, { token }) => {
  const { password } = await jsonBody(req, body);
  const { sql } = getDb();
  // Check the password before using the link up, so a weak choice can be corrected.
  const [pending] = await sql<{ email: string }[]>`
    select u.email from password_links l join users u on u.id = l.user_id
    where l.token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex') and l.used_at is null and l.expires_at > now()`;
  if (!pending)
    throw new ApiError(
      404,
      "not_found",
      "This link is unknown, used or expired. Ask an admin for a new one.",
    );
  const problem = passwordProblem(password, pending.email);
  if (problem) throw new ApiError(422, "weak_password", problem, { password: problem });
  const userId = await consumePasswordLink(sql, token);
  if (!userId)
    throw new ApiError(
      404,
      "not_found",
      "This link is unknown, used or expired. Ask an admin for a new one.",
    );
  await setPassword(sql, userId, await hashPassword(password));
  await audit(sql, {
    action: "user.password_set",
    actor: null,
    actorLabel: pending.email,
    target: { type: "user", id: pending.email },
    ip: clientAddress(req.headers),
  });
  return Response.json({ email: pending.email });
});
