import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueId } from "../../../test/support/fixtures";
import { connectDb, type Db } from "./connect";
import { applyMigrations, DatabaseNewerError } from "./migrate";

// db:migrate against a real PostgreSQL: concurrent runs take turns, a newer database is refused.
let server: Db;
let url: string;
const name = `fieldwatch_migrate_${uniqueId()}`;
beforeAll(async () => {
  server = connectDb(inject("databaseUrl"), { max: 1 });
  await server.sql.unsafe(`create database ${name}`);
  const u = new URL(inject("databaseUrl"));
  u.pathname = `/${name}`;
  url = u.toString();
});
afterAll(async () => {
  await server.sql.unsafe(`drop database if exists ${name} with (force)`);
  await server.close();
});

describe("applying migrations", () => {
  it("runs two at once on an empty database: one waits for the other, every migration applied once", async () => {
    await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const db = connectDb(url, { max: 1 });
    const [row] = await db.sql<{ n: number; distinct: number }[]>`
      select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`;
    await db.close();
    expect(row!.n).toBe(row!.distinct);
    expect(row!.n).toBeGreaterThan(10);
  });

  it("refuses a database a newer version migrated, saying so", async () => {
    const db = connectDb(url, { max: 1 });
    const future = Date.now() + 365 * 86_400_000;
    await db.sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-version', ${future})`;
    try {
      const refused = await applyMigrations(url).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DatabaseNewerError);
      expect((refused as Error).message).toMatch(/1 migration\(s\) newer than this code knows/);
    } finally {
      await db.sql`delete from drizzle.__drizzle_migrations where hash = 'from-a-newer-version'`;
      await db.close();
    }
    await applyMigrations(url); // the same code, once the database is its own again
  });
});
