import { rmSync } from "node:fs";

/** The scratch data dir (embedded PostgreSQL's files) goes once the server has stopped. */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && dir.includes("fieldwatch-e2e-")) rmSync(dir, { recursive: true, force: true });
}
