import { describe, expect, it } from "vitest";
import { commandRequest } from "./body";
import { commandProblem } from "./validate";
import { parseCommandAck } from "./protocol";

const issues = (body: unknown) => {
  const result = commandRequest.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("commandRequest", () => {
  it("takes any JSON object as the command", () => {
    expect(commandRequest.parse({ command: { action: "open_valve" } })).toEqual({
      command: { action: "open_valve" },
    });
    expect(
      commandRequest.parse({ command: { setpoint: { temperature: 21.5 }, tags: ["a"] } }).command,
    ).toEqual({ setpoint: { temperature: 21.5 }, tags: ["a"] });
  });

  it("says what is wrong with a bad body, on the command field", () => {
    expect(issues({})).toEqual(['command: required: send {"command": {…}}']);
    expect(issues({ command: [] })).toEqual([
      'command: must be a JSON object, e.g. {"action": "open_valve"}',
    ]);
    expect(issues({ command: null })).toEqual([
      'command: must be a JSON object, e.g. {"action": "open_valve"}',
    ]);
    expect(issues({ command: "open" })).toHaveLength(1);
    expect(issues({ command: { id: "x", action: "ping" } })).toEqual([
      'command: "id" is set by Fieldwatch; leave it out',
    ]);
    expect(issues([])).toEqual([': the body must be a JSON object: {"command": {…}}']);
    expect(issues(null)).toHaveLength(1);
  });

  it("refuses commands over 16 KiB as JSON, counting bytes, not characters", () => {
    // {"a":"…"} is 8 bytes around the string.
    expect(commandProblem({ a: "x".repeat(16 * 1024 - 8) })).toBeNull();
    expect(commandProblem({ a: "x".repeat(16 * 1024 - 7) })).toMatch(/at most 16 KiB/);
    expect(commandProblem({ a: "é".repeat(8 * 1024) })).toMatch(/at most 16 KiB/);
  });
});

describe("parseCommandAck", () => {
  const id = "0b7c6f1e-2a4d-4c3b-9e8f-1a2b3c4d5e6f";
  const parse = (payload: string) => parseCommandAck(Buffer.from(payload));

  it("reads the id and keeps the rest as the response", () => {
    expect(parse(JSON.stringify({ id, ok: true, valve: "open" }))).toEqual({
      ok: true,
      id,
      response: { ok: true, valve: "open" },
    });
    expect(parse(JSON.stringify({ id: id.toUpperCase() }))).toEqual({ ok: true, id, response: {} });
  });

  it("rejects what can't be an answer, with a reason", () => {
    expect(parse("ok")).toMatchObject({
      ok: false,
      reason: "malformed",
      detail: "a command answer must be JSON",
    });
    expect(parse(`[{"id":"${id}"}]`)).toMatchObject({ ok: false, reason: "malformed" });
    expect(parse('{"ok":true}')).toMatchObject({
      ok: false,
      reason: "malformed",
      detail: expect.stringContaining('"id"'),
    });
    expect(parse('{"id":"42","ok":true}')).toMatchObject({ ok: false, reason: "malformed" });
    expect(parse(JSON.stringify({ id, blob: "x".repeat(17_000) }))).toMatchObject({
      ok: false,
      reason: "too_large",
    });
  });
});
