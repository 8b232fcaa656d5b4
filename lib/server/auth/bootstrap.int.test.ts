import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { users } from "../db/schema";
import { startScratchDatabase } from "../../../test/support/services";
import { ensureFirstAdmin } from "./bootstrap";
import { hashPassword, verifyPassword } from "./password";

// "First" means an empty users table: a database of its own, not the suite's shared one.
let scratch: { url: string; stop(): Promise<void> };
let db: Db;
const email = "admin@bootstrap.test";
const CHOSEN = "quiet-harbour-lantern-42";

beforeAll(async () => {
  scratch = await startScratchDatabase(process.env.TEST_DATABASE_URL);
  db = connectDb(scratch.url, { max: 1 });
});
beforeEach(async () => {
  await db.sql`delete from users`;
});
afterAll(async () => {
  await db?.close();
  await scratch?.stop();
});

const storedHash = async () =>
  (await db.orm.select({ hash: users.passwordHash }).from(users).where(eq(users.email, email)))[0]!.hash;

describe("ensureFirstAdmin", () => {
  it("applies ADMIN_PASSWORD only when creating the first admin: a password changed in the app stays", async () => {
    expect(await ensureFirstAdmin(db.orm, email, CHOSEN)).toEqual({ email, created: true });
    expect(await verifyPassword(await storedHash(), CHOSEN)).toBe(true);
    // The admin changes it in the app; the next start still has ADMIN_PASSWORD set.
    const changed = "a-newer-and-better-passphrase";
    await db.orm
      .update(users)
      .set({ passwordHash: await hashPassword(changed) })
      .where(eq(users.email, email));
    expect(await ensureFirstAdmin(db.orm, email, CHOSEN)).toEqual({ email, created: false });
    expect(await verifyPassword(await storedHash(), changed)).toBe(true);
  });

  it("refuses an ADMIN_PASSWORD the app's policy refuses, without repeating it, and creates no one", async () => {
    for (const weak of ["1qaz2wsx3edc", "admin-bootstrap-2024", "aaaaaaaaaaaaaa"]) {
      const error = await ensureFirstAdmin(db.orm, email, weak).catch((err: Error) => err);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/ADMIN_PASSWORD/);
      expect((error as Error).message).not.toContain(weak);
    }
    expect(await db.orm.select().from(users)).toEqual([]);
  });

  it("generates a password when none is set, and hands it back once", async () => {
    const admin = await ensureFirstAdmin(db.orm, email);
    expect(admin.created).toBe(true);
    expect(await verifyPassword(await storedHash(), admin.generatedPassword!)).toBe(true);
    expect(await ensureFirstAdmin(db.orm, email)).toEqual({ email, created: false });
  });
});
