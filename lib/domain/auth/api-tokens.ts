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
