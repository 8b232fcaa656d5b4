import { existsSync } from "node:fs";

/** Reads ./.env into process.env for scripts (Next.js does this itself); real env vars win. */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
