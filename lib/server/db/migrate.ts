import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connectDb, type Sql } from "./connect";

const MIGRATION_LOCK = 7_301_001; // arbitrary, fixed: serialises concurrent starts

/** The database has migrations this code doesn't know: it was upgraded by a newer Fieldwatch. */
export class DatabaseNewerError extends Error {}

/**
 * Applies drizzle/ migrations. Several at once (two `db:migrate`, or processes starting together)
 * take turns on an advisory lock: the second waits, then finds nothing left to do. Refuses a
 * database migrated by a newer version of the code: running older code against it would read
 * and write tables in a shape it doesn't know.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsFolder = defaultFolder(),
): Promise<void> {
  const db = connectDb(databaseUrl, { max: 1, applicationName: "fieldwatch-migrate" });
  try {
    await db.sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await refuseNewerDatabase(db.sql, migrationsFolder);
    await migrate(db.orm, { migrationsFolder });
    await db.sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await db.close();
  }
}

const defaultFolder = () => path.resolve(process.cwd(), "drizzle");

async function refuseNewerDatabase(sql: Sql, migrationsFolder: string): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  const newestKnown = Math.max(...journal.entries.map((e) => e.when));
  const [table] = await sql`select to_regclass('drizzle.__drizzle_migrations') as t`;
  if (!table?.t) return; // a new database
  const [row] = await sql<{ newest: string | null; n: number }[]>`
    select max(created_at)::text as newest, count(*) filter (where created_at > ${newestKnown})::int as n
    from drizzle.__drizzle_migrations`;
  if (row && row.n > 0)
    throw new DatabaseNewerError(
      `The database has ${row.n} migration(s) newer than this code knows (its newest from ${new Date(Number(row.newest)).toISOString()}, ` +
        `this code's from ${new Date(newestKnown).toISOString()}): it was upgraded by a newer Fieldwatch. ` +
        "Run that version (or newer) against it; an older one would misread its tables.",
    );
}
