import { spawnSync } from "node:child_process";
import { snapshotSources, writeStamp } from "./supervisor/build-freshness";
import { nextBin } from "./supervisor/web-build";

/**
 * `npm run build`: `next build`, then the record of the sources it was built from, so that
 * `npm start` (and the e2e tests, which build first) see the build as current and don't build again.
 */
const root = process.cwd();
const snapshot = snapshotSources(root); // before building: an edit made meanwhile counts as newer
const built = spawnSync(process.execPath, [nextBin(), "build", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (built.status === 0) writeStamp(root, snapshot);
process.exit(built.status ?? 1);
