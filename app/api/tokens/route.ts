import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { generateApiToken, newTokenTerms } from "@/lib/domain/auth/api-tokens";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import {
  createToken,
  listTokens,
  toApiTokenView,
  toCreatedTokenView,
} from "@/lib/server/db/queries/api-tokens";
import { ApiError } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

const newToken = z.object({
  name: z.string().trim().min(1, "required").max(80),
  scope: z.enum(["read", "write"]).default("read"),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

/** The caller's own live tokens (never the secret). */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const tokens = await listTokens(getDb().orm, viewer.id);
  return Response.json({ items: tokens.map(toApiTokenView) });
});

/** A new token for the caller, no stronger and no longer-lived than a token asking; the secret is in this answer only. */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  const body = await jsonBody(req, newToken);
  const terms = newTokenTerms(body, viewer.token);
  if (!terms.ok)
    throw new ApiError(422, "invalid_field", `${terms.field}: ${terms.message}`, {
      [terms.field]: terms.message,
    });
  const { token, hash, prefix } = generateApiToken();
  const { orm, sql } = getDb();
  const row = await createToken(orm, {
    userId: viewer.id,
    name: body.name,
    scope: terms.scope,
    tokenHash: hash,
    prefix,
    expiresAt: terms.expiresAt,
  });
  await audit(sql, {
    action: "token.create",
    actor: viewer,
    target: { type: "token", id: row.id },
    ip: clientAddress(req.headers),
    details: { name: body.name, scope: terms.scope, expiresAt: terms.expiresAt?.toISOString() ?? null },
  });
  return Response.json(toCreatedTokenView(row, token), { status: 201 });
});
