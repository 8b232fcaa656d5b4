import { spawn } from "node:child_process";
import path from "node:path";
import { loadDotEnv } from "../lib/server/dotenv";
import { ConfigError, loadEnv, requireSetting } from "../lib/server/env";

/** `npm run start:web`: only the web server, against DATABASE_URL (the production shape, docs/architecture.md, "Processes"). */
try {
  loadDotEnv();
  const env = loadEnv();
  requireSetting(env, "DATABASE_URL", "the web app reads PostgreSQL");
  requireSetting(env, "NEXTAUTH_SECRET", "sessions are signed with it (openssl rand -base64 32)");
  // Built by `npm run build` next to this launcher (dist/), started with plain node.
  const child = spawn(process.execPath, [path.resolve("dist/web-server.mjs")], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
