import { build } from "esbuild";

/**
 * The production processes compiled ahead into `dist/` (part of `npm run build`), so that
 * `npm run start:ingest` and `npm run start:web` start with plain `node`, without transpiling
 * TypeScript at every start. Packages stay in node_modules (native ones can't be bundled).
 */
export async function bundleProcesses(outdir = "dist"): Promise<void> {
  await build({
    entryPoints: {
      ingest: "ingest/index.ts",
      "web-server": "scripts/web-server.ts",
      "start-web": "scripts/start-web.ts",
    },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
  });
}
