import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyPassword } from "../lib/server/auth/password";
import { connectDb, type Db } from "../lib/server/db/connect";
import { recordSignInFailure, checkSignInLimit } from "../lib/server/db/queries/sign-in-limits";
import { loadViewer } from "../lib/server/db/queries/users";
import { uniqueId } from "../test/support/fixtures";

// `npm run admin:create` as an operator runs it: a process against a real database, its
// output and exit code read back.
let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 2 });
});
afterAll(() => db.close());

function adminCreate(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(stdin ?? "");
  });
}

const userRow = async (email: string) =>
  (
    await db.sql<
      {
        id: string;
        password_hash: string;
        is_admin: boolean;
        disabled_at: Date | null;
        session_version: number;
      }[]
    >`
      select id, password_hash, is_admin, disabled_at, session_version from users where email = ${email}`
  )[0];

describe("npm run admin:create", () => {
  it("creates a global admin with a password from stdin, and one with a generated password shown once", async () => {
    const email = `ops-${uniqueId()}@example.com`;
    const chosen = await adminCreate(
      ["--email", email.toUpperCase(), "--password-stdin"],
      "Harvest-moon-over-the-barn\n",
    );
    expect(chosen).toMatchObject({ code: 0, out: `created the global admin ${email}\n` });
    const row = await userRow(email);
    expect(row?.is_admin).toBe(true);
    expect(await verifyPassword(row!.password_hash, "Harvest-moon-over-the-barn")).toBe(true);

    const other = `ops-${uniqueId()}@example.com`;
    const generated = await adminCreate(["--email", other]);
    expect(generated.code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(generated.out)?.[1];
    expect(password).toBeDefined();
    expect(await verifyPassword((await userRow(other))!.password_hash, password!)).toBe(true);
  });

  it("lets a locked-out admin back in: enabled, a global admin again, failures forgiven, old sessions ended", async () => {
    const email = `locked-${uniqueId()}@example.com`;
    await adminCreate(["--email", email, "--password-stdin"], "Harvest-moon-over-the-barn");
    const before = (await userRow(email))!;
    await db.sql`update users set disabled_at = now(), is_admin = false where id = ${before.id}`;
    for (let i = 0; i < 10; i++) await recordSignInFailure(db.sql, email, null);
    expect((await checkSignInLimit(db.sql, email, null)).allowed).toBe(false);

    const reset = await adminCreate(["--email", email, "--password-stdin"], "Fresh-straw-in-the-loft");
    expect(reset.code).toBe(0);
    expect(reset.out).toContain("is a global admin again");
    const after = (await userRow(email))!;
    expect([after.is_admin, after.disabled_at]).toEqual([true, null]);
    expect(await verifyPassword(after.password_hash, "Fresh-straw-in-the-loft")).toBe(true);
    expect((await checkSignInLimit(db.sql, email, null)).allowed).toBe(true);
    expect(await loadViewer(db.orm, before.id, before.session_version)).toBeNull();
  });

  it("says plainly what is wrong: no email, a weak password, empty stdin, an unknown option", async () => {
    const weak = await adminCreate(
      ["--email", `w-${uniqueId()}@example.com`, "--password-stdin"],
      "password123",
    );
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/^The password is refused: /);
    expect((await adminCreate([])).err).toMatch(/^--email is required/);
    expect((await adminCreate(["--email", "a@example.com", "--password-stdin"], "\n")).err).toMatch(/empty/);
    const unknown = await adminCreate(["--email", "a@example.com", "--admin"]);
    expect([unknown.code, unknown.err.split("\n")[0]]).toEqual([
      2,
      expect.stringMatching(/Unknown option '--admin'/),
    ]);
    expect((await adminCreate(["--email", "not-an-email"])).err).toMatch(/is not an email address/);
  });
});
