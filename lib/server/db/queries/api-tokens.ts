import { and, desc, eq, isNull } from "drizzle-orm";
import type { Orm, Sql } from "../connect";
import { apiTokens } from "../schema";
import type { TokenScope } from "../../../domain/auth/api-tokens";

export type { TokenScope };

export interface TokenOwner {
  tokenId: string;
  userId: string;
  scope: TokenScope;
  expiresAt: Date | null;
}

/** The live token with this hash (not revoked, not expired); marks it used at most once a minute. */
export async function findLiveApiToken(sql: Sql, hash: string): Promise<TokenOwner | null> {
  const rows = await sql<{ id: string; user_id: string; scope: TokenScope; expires_at: Date | null }[]>`
    update api_tokens set last_used_at = case when last_used_at is null or last_used_at < now() - interval '1 minute' then now() else last_used_at end
    where token_hash = ${hash} and revoked_at is null and (expires_at is null or expires_at > now())
    returning id, user_id, scope, expires_at`;
  const row = rows[0];
  return row ? { tokenId: row.id, userId: row.user_id, scope: row.scope, expiresAt: row.expires_at } : null;
}

const listed = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scope: apiTokens.scope,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  createdAt: apiTokens.createdAt,
};

type TokenRow = Pick<typeof apiTokens.$inferSelect, keyof typeof listed>;

/** A token as its owner's list shows it: never the secret (nor its hash); dates as ISO strings. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The secret's first characters, so a person can tell their tokens apart. */
  prefix: string;
  scope: TokenScope;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export function toApiTokenView(row: TokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What creating a token answers: the new token and, this once, its secret. */
export type CreatedTokenView = Omit<ApiTokenView, "lastUsedAt"> & { token: string };

export function toCreatedTokenView(row: Omit<TokenRow, "lastUsedAt">, token: string): CreatedTokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    token,
  };
}

export function listTokens(orm: Orm, userId: string): Promise<TokenRow[]> {
  return orm
    .select(listed)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function createToken(
  orm: Orm,
  values: typeof apiTokens.$inferInsert,
): Promise<Omit<TokenRow, "lastUsedAt">> {
  const { lastUsedAt: _lastUsedAt, ...returned } = listed;
  const [row] = await orm.insert(apiTokens).values(values).returning(returned);
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
