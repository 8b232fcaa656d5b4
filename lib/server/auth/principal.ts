import type { NextRequest } from "next/server";
import { getDb } from "../db/client";
import { findLiveApiToken } from "../db/queries/api-tokens";
import { loadViewer, type Viewer } from "../db/queries/users";
import { ApiError } from "../http/errors";
import { hashToken, type TokenBounds } from "../../domain/auth/api-tokens";
import { isSameOrigin } from "./origin";
import { currentSession, currentViewer } from "./viewer";

/** Who is calling an API route, and how: a session cookie or a personal API token. */
export interface Principal extends Viewer {
  via: "session" | "token";
  /** A read-only token may not change anything, whatever its owner may do. */
  canWrite: boolean;
  /** The API token the request came with (null: a session); what it makes can't exceed it. */
  token: TokenBounds | null;
  /** The session's version (sessions only): a long-lived stream checks it again (stillSignedIn). */
  sessionVersion?: number;
}

/**
 * Every route handler starts here. `write` marks a mutation: read-only tokens get 403, and a
 * session cookie counts only on a same-origin request (cross-site requests need a token).
 * `secret` marks a read that hands out a credential (a webhook's signing secret): it needs
 * what a change needs of a token, so a read-only token (handed to a dashboard or a script that
 * only reads) never yields one; a session may, as a cross-site page can't read the answer.
 */
export async function authenticate(
  req: NextRequest,
  { write = false, secret = false } = {},
): Promise<Principal> {
  const header = req.headers.get("authorization");
  if (header) return fromToken(header, write || secret);
  const [session, viewer] = [await currentSession(), await currentViewer()];
  if (!viewer || !session)
    throw new ApiError(401, "unauthenticated", "Sign in, or send an API token as 'Authorization: Bearer …'.");
  if (write && !isSameOrigin(req)) {
    throw new ApiError(
      403,
      "cross_origin",
      "Cross-site requests can't use the session cookie; use an API token.",
    );
  }
  return { ...viewer, via: "session", canWrite: true, token: null, sessionVersion: session.version };
}

/** Whether the caller would still get in: not disabled, and (a session) not ended since. */
export async function stillSignedIn(principal: Principal): Promise<boolean> {
  return (await loadViewer(getDb().orm, principal.id, principal.sessionVersion)) !== null;
}

async function fromToken(header: string, write: boolean): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError(401, "unauthenticated", "Authorization must be 'Bearer <token>'.");
  const { sql, orm } = getDb();
  const owner = await findLiveApiToken(sql, hashToken(match[1]!));
  const viewer = owner ? await loadViewer(orm, owner.userId) : null;
  if (!owner || !viewer)
    throw new ApiError(401, "unauthenticated", "The API token is unknown, revoked or expired.");
  if (write && owner.scope !== "write")
    throw new ApiError(403, "read_only_token", "This API token is read-only.");
  return {
    ...viewer,
    via: "token",
    canWrite: owner.scope === "write",
    token: { scope: owner.scope, expiresAt: owner.expiresAt },
  };
}
