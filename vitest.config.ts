import path from "node:path";
import { defineConfig } from "vitest/config";
import { isPostgresJsClosedSocketBug } from "./lib/server/db/postgres-js-bug";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Next.js's guard against importing server code into the browser; meaningless under vitest.
      "server-only": path.join(root, "test/support/empty-module.ts"),
    },
  },
  test: {
    // The outage tests stop PostgreSQL under live pools; ignore only postgres.js's known stray throw.
    onUnhandledError: (error) => (isPostgresJsClosedSocketBug(error) ? false : undefined),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,ingest,scripts,components,test}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,ingest,scripts,app,test}/**/*.int.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One worker process: the tests share one database and broker.
          fileParallelism: false,
        },
      },
    ],
  },
});
