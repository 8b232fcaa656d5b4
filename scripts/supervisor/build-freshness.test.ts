import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILD_ID_FILE, snapshotSources, webBuildState, writeStamp } from "./build-freshness";
import { WebBuildError, ensureWebBuild } from "./web-build";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const HOUR = 3600;
const write = (root: string, rel: string, text = "x") => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
/** Sets a file's mtime `secondsAgo` in the past (negative: in the future). */
const touch = (root: string, rel: string, secondsAgo: number) => {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path.join(root, rel), t, t);
};

/** A small app tree whose sources were all written an hour ago. */
function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), "fieldwatch-build-"));
  dirs.push(root);
  const files = [
    "app/page.tsx",
    "app/api/health/route.ts",
    "components/chart/chart.tsx",
    "lib/domain/units.ts",
    "lib/domain/units.test.ts",
    "proxy.ts",
    "package.json",
    "node_modules/next/index.js",
    "e2e/fleet.spec.ts",
    "ingest/index.ts",
  ];
  for (const file of files) {
    write(root, file);
    touch(root, file, HOUR);
  }
  return root;
}

/** What a successful build leaves: `.next/BUILD_ID` and the stamp of the sources it read. */
function build(root: string) {
  write(root, BUILD_ID_FILE, "abc123");
  writeStamp(root, snapshotSources(root));
}

describe("webBuildState", () => {
  it("wants a build when there is none", () => {
    expect(webBuildState(tree())).toMatchObject({ stale: true, built: false });
  });

  it("is current when nothing changed since the build", () => {
    const root = tree();
    build(root);
    expect(webBuildState(root)).toEqual({ stale: false });
  });

  it("wants a rebuild when a source is touched after the build, and names the newest", () => {
    const root = tree();
    build(root);
    touch(root, "lib/domain/units.ts", 60);
    touch(root, "components/chart/chart.tsx", 0);
    expect(webBuildState(root)).toMatchObject({
      stale: true,
      built: true,
      reason: "web build is older than the sources (newest: components/chart/chart.tsx and 1 more)",
    });
  });

  it("sees a file put back with an older mtime (an extracted archive, say)", () => {
    const root = tree();
    build(root);
    write(root, "app/page.tsx", "new content");
    touch(root, "app/page.tsx", 2 * HOUR);
    expect(webBuildState(root)).toMatchObject({
      stale: true,
      reason: expect.stringContaining("app/page.tsx"),
    });
  });

  it("wants a rebuild when a source file is added or removed", () => {
    const added = tree();
    build(added);
    write(added, "app/settings/page.tsx");
    expect(webBuildState(added)).toMatchObject({
      stale: true,
      reason: expect.stringContaining("newest: app/settings/page.tsx"),
    });

    const removed = tree();
    build(removed);
    rmSync(path.join(removed, "app/api/health/route.ts"));
    expect(webBuildState(removed)).toMatchObject({
      stale: true,
      reason: expect.stringContaining("removed: app/api/health/route.ts"),
    });
  });

  it("ignores what the web build doesn't read: node_modules, .next, tests, e2e, other folders", () => {
    const root = tree();
    build(root);
    for (const file of [
      "node_modules/next/index.js",
      "lib/domain/units.test.ts",
      "e2e/fleet.spec.ts",
      "ingest/index.ts",
    ])
      touch(root, file, 0);
    write(root, "lib/domain/new.int.test.ts");
    write(root, "app/node_modules/x.js");
    write(root, ".next/cache/x");
    write(root, ".data/postgres/x");
    expect(webBuildState(root)).toEqual({ stale: false });
  });

  it("wants a rebuild when the build has no stamp (made by a bare next build, or cut short)", () => {
    const root = tree();
    write(root, BUILD_ID_FILE, "abc123");
    expect(webBuildState(root)).toMatchObject({
      stale: true,
      built: true,
      reason: expect.stringContaining("no record"),
    });
    write(root, ".next/fieldwatch-sources.json", "{not json");
    expect(webBuildState(root)).toMatchObject({ stale: true, built: true });
  });
});

describe("ensureWebBuild", () => {
  it("builds when stale, stamps the sources read before the build, then finds it current", async () => {
    const root = tree();
    const said: string[] = [];
    let builds = 0;
    const fakeBuild = async () => {
      builds++;
      write(root, BUILD_ID_FILE, "abc123");
    };
    await ensureWebBuild(root, (m) => said.push(m), fakeBuild);
    await ensureWebBuild(root, (m) => said.push(m), fakeBuild);
    expect(builds).toBe(1);
    expect(said).toEqual([
      "there is no web build yet: building it (next build, a minute or two)…",
      "web build done",
      "web build is current",
    ]);
  });

  it("counts a file edited during the build as newer than the build", async () => {
    const root = tree();
    await ensureWebBuild(
      root,
      () => {},
      async () => {
        write(root, BUILD_ID_FILE, "abc123");
        write(root, "components/chart/chart.tsx", "edited meanwhile");
      },
    );
    expect(webBuildState(root)).toMatchObject({
      stale: true,
      reason: expect.stringContaining("components/chart/chart.tsx"),
    });
  });

  it("throws a clear error when the build fails, and records nothing", async () => {
    const root = tree();
    build(root);
    touch(root, "app/page.tsx", 0);
    const failing = async () => {
      throw new Error("build failed with exit code 1");
    };
    const attempt = ensureWebBuild(root, () => {}, failing);
    await expect(attempt).rejects.toThrow(WebBuildError);
    await expect(attempt).rejects.toThrow(/web build failed .*Not starting the previous build/);
    expect(webBuildState(root)).toMatchObject({
      stale: true,
      reason: expect.stringContaining("app/page.tsx"),
    });
  });
});
