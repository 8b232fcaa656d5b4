import { applyMigrations, DatabaseNewerError } from "../lib/server/db/migrate";
import { connectDb } from "../lib/server/db/connect";
import { loadDotEnv } from "../lib/server/dotenv";
import { ConfigError, loadEnv, requireSetting } from "../lib/server/env";

/** `npm run db:migrate`: apply drizzle/ migrations to DATABASE_URL (and say how to get in when nobody can). */
try {
  loadDotEnv();
  const url = requireSetting(loadEnv(), "DATABASE_URL", "which database to migrate");
  await applyMigrations(url);
  console.log("migrations applied");
  const db = connectDb(url, { max: 1, applicationName: "fieldwatch-migrate" });
  const [{ n } = { n: 0 }] = await db.sql<{ n: number }[]>`select count(*)::int as n from users`;
  await db.close();
  if (n === 0)
    console.log(
      "there is no user yet: create the first admin with  npm run admin:create -- --email you@example.com",
    );
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof DatabaseNewerError ? err.message : err);
  process.exit(1);
}
