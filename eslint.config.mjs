import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const TESTS = ["**/*.test.ts", "**/*.int.test.ts", "e2e/**", "test/**"];

/**
 * The layers (docs/architecture.md, "Layout"): each may import those below it, never those above.
 *   app/, ingest/, scripts/   the processes (web, worker, tools)
 *   components/               the browser: lib/server only as types
 *   lib/server/               server-only code; lib/server/db/ runs queries and imports nothing else of lib/server
 *   lib/domain/               rules and formats, no I/O
 */
const layers = {
  files: ["**/*.{ts,tsx}"],
  ignores: TESTS,
  rules: {
    "import/no-cycle": ["error", { ignoreExternal: true }],
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          {
            target: "./lib",
            from: ["./app", "./components", "./ingest", "./scripts", "./e2e", "./test"],
            message: "lib/ is what the processes share: it never imports them (or tests).",
          },
          {
            target: "./lib/domain",
            from: "./lib/server",
            message:
              "lib/domain is pure (no database, network or process state): move the shared piece into lib/domain.",
          },
          {
            target: "./lib/server/db",
            from: "./lib/server",
            except: ["./db", "./env.ts"],
            message:
              "lib/server/db only runs queries: orchestrate (NOTIFY, webhooks, alerts) in the module that calls it.",
          },
          {
            target: ["./ingest", "./components"],
            from: ["./app", "./scripts"],
            message: "Only the processes' entry points import each other's folders.",
          },
          { target: "./ingest", from: "./components", message: "The worker has no UI." },
          { target: "./components", from: "./ingest", message: "The browser doesn't run the worker." },
        ],
      },
    ],
  },
};

const browser = {
  files: ["components/**/*.{ts,tsx}"],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/lib/server/*", "**/lib/server/*"],
            allowTypeImports: true,
            message: "Components run in the browser: import server modules with `import type` only.",
          },
        ],
      },
    ],
  },
};

const config = [
  ...next,
  ...nextTs,
  prettier,
  layers,
  browser,
  {
    rules: {
      // `_name` marks a value deliberately left out (e.g. when destructuring to drop a field).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      ".data/**",
      "dist/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
