import { NextRequest } from "next/server";
import { afterAll, beforeAll, inject } from "vitest";
import { connectDb, type Db, type Sql } from "../../lib/server/db/connect";
import { generateApiToken } from "../../lib/domain/auth/api-tokens";
import type { SiteRole } from "../../lib/domain/auth/access";
import { uniqueId } from "./fixtures";

/**
 * Route handlers called in-process, as Next.js would, with a personal API token: the whole
 * handler runs (authentication, access checks, queries) against the test database. Call
 * `useDatabase` before the first handler runs: handlers find PostgreSQL through DATABASE_URL.
 */
export function useDatabase(url: string): void {
  process.env.DATABASE_URL = url;
}

export interface Caller {
  userId: string;
  token: string;
}

/** A person with these site roles (or a global admin) and an API token of theirs. */
export async function createCaller(
  sql: Sql,
  options: {
    roles?: { siteId: string; role: SiteRole }[];
    isAdmin?: boolean;
    scope?: "read" | "write";
    expiresAt?: Date | null;
  } = {},
): Promise<Caller> {
  const id = uniqueId();
  const [user] = await sql<{ id: string }[]>`
    insert into users (email, name, password_hash, is_admin)
    values (${`caller-${id}@test.local`}, ${`Caller ${id}`}, 'x', ${options.isAdmin ?? false}) returning id`;
  for (const { siteId, role } of options.roles ?? [])
    await sql`insert into memberships (user_id, site_id, role) values (${user!.id}, ${siteId}, ${role})`;
  const { token, hash, prefix } = generateApiToken();
  await sql`
    insert into api_tokens (user_id, name, token_hash, prefix, scope, expires_at)
    values (${user!.id}, 'test', ${hash}, ${prefix}, ${options.scope ?? "write"}, ${options.expiresAt ?? null})`;
  return { userId: user!.id, token };
}

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler with `caller`'s token; `body` is sent as JSON. A JSON answer comes back parsed, any other as text. */
export async function callRoute<P>(
  handler: Handler<P>,
  caller: Caller,
  init: { method: string; path: string; params?: P; body?: unknown },
): Promise<{ status: number; body: unknown }> {
  const req = new NextRequest(new URL(init.path, "http://fieldwatch.test"), {
    method: init.method,
    headers: {
      authorization: `Bearer ${caller.token}`,
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const res = await handler(req, { params: Promise.resolve((init.params ?? {}) as P) });
  const text = await res.text();
  const json = res.headers.get("content-type")?.includes("json") && text;
  return { status: res.status, body: json ? (JSON.parse(text) as unknown) : text || null };
}

/** A site of its own, for one test. */
export async function createSite(sql: Sql): Promise<{ id: string; slug: string }> {
  const slug = `site-${uniqueId()}`;
  const [site] = await sql<
    { id: string }[]
  >`insert into sites (slug, name) values (${slug}, ${slug}) returning id`;
  return { id: site!.id, slug };
}

/** The handlers' own pool (lib/server/db/client.ts), closed after a file's tests. */
export async function closeRouteDb(): Promise<void> {
  const holder = globalThis as unknown as { fieldwatchDb?: { close(): Promise<void> } };
  await holder.fieldwatchDb?.close();
  delete holder.fieldwatchDb;
}

/**
 * For a test file that calls route handlers: points the handlers at the test database, and
 * returns a connection for the file's own queries; both are closed after the file's tests.
 */
export function routeTestDb(max = 2): Db {
  const db = connectDb(inject("databaseUrl"), { max });
  beforeAll(() => useDatabase(inject("databaseUrl")));
  afterAll(async () => {
    await closeRouteDb();
    await db.close();
  });
  return db;
}
