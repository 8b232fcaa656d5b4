import { spawnSync } from "node:child_process";
import { bundleProcesses } from "./bundle";
import { snapshotSources, writeStamp } from "./supervisor/build-freshness";
import { nextBin } from "./supervisor/web-build";

/**
 * `npm run build`: the worker and web server bundled into dist/ (scripts/bundle.ts), `next build`,
 * then the record of the sources it was built from, so that `npm start` (and the e2e tests,
 * which build first) see the build as current and don't build again.
 */
const root = process.cwd();
await bundleProcesses();
const snapshot = snapshotSources(root); // before building: an edit made meanwhile counts as newer
const built = spawnSync(process.execPath, [nextBin(), "build", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (built.status === 0) writeStamp(root, snapshot);
process.exit(built.status ?? 1);
