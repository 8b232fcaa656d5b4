import "server-only";
import { loadEnv, requireSetting } from "../env";
import { connectDb, type Db } from "./connect";

// One pool per web process; kept on globalThis so dev-mode module reloads don't open new pools.
const holder = globalThis as unknown as { fieldwatchDb?: Db };

export function getDb(): Db {
  if (!holder.fieldwatchDb) {
    const env = loadEnv();
    const url = requireSetting(
      env,
      "DATABASE_URL",
      "the web app needs PostgreSQL (npm start sets it for you)",
    );
    holder.fieldwatchDb = connectDb(url, { applicationName: "fieldwatch-web" });
  }
  return holder.fieldwatchDb;
}
