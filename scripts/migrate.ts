import { applyMigrations } from "../lib/server/db/migrate";
import { loadDotEnv } from "../lib/server/dotenv";
import { ConfigError, loadEnv, requireSetting } from "../lib/server/env";

/** `npm run db:migrate`: apply drizzle/ migrations to DATABASE_URL. */
try {
  loadDotEnv();
  await applyMigrations(requireSetting(loadEnv(), "DATABASE_URL", "which database to migrate"));
  console.log("migrations applied");
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
