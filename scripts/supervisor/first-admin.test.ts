import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FirstAdmin } from "../../lib/server/auth/bootstrap";
import { announceFirstAdmin, firstAdminPasswordFile } from "./first-admin";

const admin = { email: "admin@fieldwatch.local", created: true, generatedPassword: "gen-Pa55word-xyz" };
const generated = admin.generatedPassword;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(terminal: boolean, given: FirstAdmin = admin, passwordSet = false) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "fieldwatch-admin-"));
  dirs.push(dataDir);
  const said: string[] = [];
  const shown: string[] = [];
  announceFirstAdmin(given, {
    say: (msg) => said.push(msg),
    terminal: terminal ? { write: (text: string) => shown.push(text) } : null,
    dataDir,
    passwordSet,
  });
  return { said, shown, dataDir };
}

describe("announceFirstAdmin", () => {
  it("shows a generated password on the terminal only, never in the supervisor's output", () => {
    const { said, shown } = run(true);
    expect(shown.join("")).toContain(generated);
    expect(said.join("\n")).not.toContain(generated);
  });

  it("without a terminal, writes it to a file only its owner can read, and names the file", () => {
    const { said, shown, dataDir } = run(false);
    const file = firstAdminPasswordFile(dataDir);
    expect(shown).toEqual([]);
    expect(said.join("\n")).not.toContain(generated);
    expect(said.join("\n")).toContain(file);
    expect(readFileSync(file, "utf8").trim()).toBe(generated);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("says ADMIN_PASSWORD was ignored when the admin exists already", () => {
    const { said } = run(false, { email: admin.email, created: false }, true);
    expect(said.join("\n")).toMatch(/ADMIN_PASSWORD is ignored/);
  });
});
