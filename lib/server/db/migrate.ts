import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connectDb } from "./connect";

const MIGRATION_LOCK = 7_301_001; // arbitrary, fixed: serialises concurrent starts

/** Applies drizzle/ migrations; safe when several processes start at once. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const db = connectDb(databaseUrl, { max: 1, applicationName: "fieldwatch-migrate" });
  try {
    await db.sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db.orm, { migrationsFolder: path.resolve(process.cwd(), "drizzle") });
    await db.sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await db.close();
  }
}
