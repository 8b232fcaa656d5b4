import { randomBytes } from "node:crypto";
import type { Sql } from "../db/connect";
import { hashToken } from "../../domain/auth/api-tokens";

const LINK_LIFETIME_MS = 7 * 24 * 60 * 60_000;

/** A one-time link path for `userId` to choose a password; earlier unused links stop working. */
export async function issuePasswordLink(sql: Sql, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await sql`update password_links set used_at = now() where user_id = ${userId} and used_at is null`;
  await sql`insert into password_links (token_hash, user_id, expires_at) values (${hashToken(token)}, ${userId}, ${new Date(Date.now() + LINK_LIFETIME_MS)})`;
  return `/set-password/${token}`;
}

/** Uses up a link; the user id it was for, or null when it is unknown, used or expired. */
export async function consumePasswordLink(sql: Sql, token: string): Promise<string | null> {
  const rows = await sql<{ user_id: string }[]>`
    update password_links set used_at = now()
    where token_hash = ${hashToken(token)} and used_at is null and expires_at > now()
    returning user_id`;
  return rows[0]?.user_id ?? null;
}
