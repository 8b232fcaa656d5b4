import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Is `.next` a build of the sources as they are now? `npm start` asks before starting the web
 * server, so an installation upgraded with `git pull` doesn't silently serve the old app.
 *
 * A build made here records what its sources looked like (path → size and mtime) in a stamp file
 * inside `.next`. Comparing that with the tree now catches edits, `git pull` (git gives the files
 * it writes the checkout time), files added or removed, and files put back with older mtimes.
 * Any `next build` empties `.next` first, so a build made some other way (or one that failed
 * half-way) has no stamp and counts as stale: the worst case is one build too many, never an old app.
 */

/** What `next build` reads: the app's code and its configuration. Scripts, ingest and tests are not. */
export const WEB_BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];
const IGNORED_DIRS = new Set(["node_modules", ".next", ".data", "e2e", "test-results", "playwright-report"]);
const TEST_FILE = /\.(test|spec)\.tsx?$/; // *.int.test.ts included

export const BUILD_ID_FILE = path.join(".next", "BUILD_ID");
export const STAMP_FILE = path.join(".next", "fieldwatch-sources.json");

/** Each input file (relative, `/`-separated) → [size, mtimeMs]. */
export type SourceSnapshot = Record<string, [number, number]>;

export type BuildState =
  { stale: false } | { stale: true; built: boolean; reason: string; snapshot: SourceSnapshot };

/** Stats every input file under `root`: a few hundred `stat` calls, milliseconds. */
export function snapshotSources(root: string): SourceSnapshot {
  const snapshot: SourceSnapshot = {};
  const visit = (rel: string) => {
    const stat = statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path.join(root, rel)).sort())
        if (!IGNORED_DIRS.has(name)) visit(`${rel}/${name}`);
    } else if (!TEST_FILE.test(rel)) {
      snapshot[rel] = [stat.size, stat.mtimeMs];
    }
  };
  WEB_BUILD_INPUTS.forEach(visit);
  return snapshot;
}

/** Why a build of `built` doesn't match `now` (e.g. "newest: app/page.tsx"), or null when it does. */
export function describeChange(built: SourceSnapshot, now: SourceSnapshot): string | null {
  const changed = Object.keys(now).filter((file) => {
    const before = built[file];
    return !before || before[0] !== now[file]![0] || before[1] !== now[file]![1];
  });
  const removed = Object.keys(built).filter((file) => !(file in now));
  const more = (n: number) => (n > 1 ? ` and ${n - 1} more` : "");
  if (changed.length > 0) {
    const newest = changed.reduce((a, b) => (now[b]![1] > now[a]![1] ? b : a));
    return `newest: ${newest}${more(changed.length + removed.length)}`;
  }
  if (removed.length > 0) return `removed: ${removed[0]}${more(removed.length)}`;
  return null;
}

/** Whether `root/.next` is missing or older than the sources, and why. */
export function webBuildState(root: string): BuildState {
  const snapshot = snapshotSources(root);
  if (!existsSync(path.join(root, BUILD_ID_FILE)))
    return { stale: true, built: false, reason: "there is no web build yet", snapshot };
  const stamp = readStamp(root);
  if (!stamp)
    return {
      stale: true,
      built: true,
      reason: "the web build has no record of its sources (it wasn't made by npm start or npm run build)",
      snapshot,
    };
  const change = describeChange(stamp, snapshot);
  if (change)
    return { stale: true, built: true, reason: `web build is older than the sources (${change})`, snapshot };
  return { stale: false };
}

/**
 * Records `snapshot` as what the build in `root/.next` was made from. Take the snapshot before
 * the build starts: a file edited while it runs then shows up as changed on the next start.
 */
export function writeStamp(root: string, snapshot: SourceSnapshot): void {
  writeFileSync(path.join(root, STAMP_FILE), JSON.stringify(snapshot));
}

function readStamp(root: string): SourceSnapshot | null {
  try {
    return JSON.parse(readFileSync(path.join(root, STAMP_FILE), "utf8")) as SourceSnapshot;
  } catch {
    return null; // missing or unreadable: treat the build as unknown
  }
}
