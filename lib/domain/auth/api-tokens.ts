import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "fw_";

/** A new token (shown once) and what is stored of it. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

/** Tokens carry 256 random bits, so a fast hash is enough (no dictionary to guess from). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What a token may do: read only, or change things too. */
export type TokenScope = "read" | "write";

/** The token a request came with, as far as it bounds what that request may hand out. */
export interface TokenBounds {
  scope: TokenScope;
  expiresAt: Date | null;
}

export type NewTokenTerms =
  | { ok: true; scope: TokenScope; expiresAt: Date | null }
  | { ok: false; field: "scope" | "expiresInDays"; message: string };

const DAY_MS = 86_400_000;

/**
 * The scope and expiry of a new token. Made with another token (`maker`), it can do no more and
 * live no longer than that one: otherwise a short-lived or leaked token could mint itself a
 * permanent successor, and revoking or letting the first expire would change nothing. No
 * expiry asked for: it ends when the maker does. A session (`maker` null) is bounded by nothing.
 */
export function newTokenTerms(
  asked: { scope: TokenScope; expiresInDays?: number },
  maker: TokenBounds | null,
  now = Date.now(),
): NewTokenTerms {
  const expiresAt = asked.expiresInDays ? new Date(now + asked.expiresInDays * DAY_MS) : null;
  if (!maker) return { ok: true, scope: asked.scope, expiresAt };
  if (asked.scope === "write" && maker.scope !== "write")
    return { ok: false, field: "scope", message: "a read-only token can't make a write token" };
  if (!maker.expiresAt) return { ok: true, scope: asked.scope, expiresAt };
  if (!expiresAt) return { ok: true, scope: asked.scope, expiresAt: maker.expiresAt };
  if (expiresAt > maker.expiresAt) {
    const days = Math.floor((maker.expiresAt.getTime() - now) / DAY_MS);
    const message = `must not outlive the token making it (it expires ${maker.expiresAt.toISOString()}${
      days >= 1 ? `: at most ${days} days` : `; leave it out to expire with it`
    })`;
    return { ok: false, field: "expiresInDays", message };
  }
  return { ok: true, scope: asked.scope, expiresAt };
}
