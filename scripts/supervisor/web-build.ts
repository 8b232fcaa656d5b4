import path from "node:path";
import { webBuildState, writeStamp } from "./build-freshness";
import { runToCompletion } from "./child";

export function nextBin(): string {
  return path.resolve("node_modules", "next", "dist", "bin", "next");
}

/** `next build`, its output prefixed `[build]` like the other children's. */
export const nextBuild = (): Promise<void> =>
  runToCompletion({
    name: "build",
    command: process.execPath,
    args: [nextBin(), "build"],
    env: { ...process.env, NODE_ENV: "production" },
  });

export class WebBuildError extends Error {}

/**
 * Builds the web app in `root` unless its build is current. A failed build throws: starting the
 * previous build instead would be the very "old app after an upgrade" this check exists to prevent.
 */
export async function ensureWebBuild(
  root: string,
  say: (msg: string) => void,
  build: () => Promise<void> = nextBuild,
): Promise<void> {
  const state = webBuildState(root);
  if (!state.stale) return say("web build is current");
  say(`${state.reason}: ${state.built ? "rebuilding" : "building"} it (next build, a minute or two)…`);
  try {
    await build();
  } catch (err) {
    throw new WebBuildError(
      `The web build failed (${err instanceof Error ? err.message : String(err)}; its output is above, ` +
        "prefixed [build]). Not starting the previous build: fix the error, then run npm start again.",
    );
  }
  writeStamp(root, state.snapshot);
  say("web build done");
}
