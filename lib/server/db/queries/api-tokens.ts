import { and, desc, eq, isNull } from "drizzle-orm";
import type { Orm, Sql } from "../connect";
import { apiTokens } from "../schema";

export interface TokenOwner {
  tokenId: string;
  userId: string;
  scope: "read" | "write";
}

/** The live token with this hash (not revoked, not expired); marks it used at most once a minute. */
export async function findLiveApiToken(sql: Sql, hash: string): Promise<TokenOwner | null> {
  const rows = await sql<{ id: string; user_id: string; scope: "read" | "write" }[]>`
    update api_tokens set last_used_at = case when last_used_at is null or last_used_at < now() - interval '1 minute' then now() else last_used_at end
    where token_hash = ${hash} and revoked_at is null and (expires_at is null or expires_at > now())
    returning id, user_id, scope`;
  const row = rows[0];
  return row ? { tokenId: row.id, userId: row.user_id, scope: row.scope } : null;
}

export function listTokens(orm: Orm, userId: string) {
  return orm
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function createToken(orm: Orm, values: typeof apiTokens.$inferInsert) {
  const [row] = await orm
    .insert(apiTokens)
    .values(values)
    .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
  return row!;
}

/** Revokes the owner's token; false when there is no such live token of theirs. */
export async function revokeToken(orm: Orm, userId: string, id: string): Promise<boolean> {
  const rows = await orm
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
