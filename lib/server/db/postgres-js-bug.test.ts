import { describe, expect, it } from "vitest";
import { isPostgresJsClosedSocketBug } from "./postgres-js-bug";

describe("isPostgresJsClosedSocketBug", () => {
  const bug = new TypeError("Cannot read properties of null (reading 'write')");
  bug.stack = `${bug.message}\n    at Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)`;

  it("recognises postgres.js's stray throw, also when serialised", () => {
    expect(isPostgresJsClosedSocketBug(bug)).toBe(true);
    expect(isPostgresJsClosedSocketBug({ message: bug.message, stack: bug.stack })).toBe(true);
  });

  it("lets every other error through", () => {
    const ours = new TypeError("Cannot read properties of null (reading 'write')");
    ours.stack = `${ours.message}\n    at flush (/app/ingest/writer.ts:10:3)`;
    expect(isPostgresJsClosedSocketBug(ours)).toBe(false);
    expect(isPostgresJsClosedSocketBug(new Error("connection refused"))).toBe(false);
    expect(isPostgresJsClosedSocketBug(null)).toBe(false);
  });
});
