import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "../../domain/auth/password-policy";

describe("password hashing", () => {
  it("uses argon2id with 19 MiB, 2 passes, 1 lane", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "wrong")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});

describe("password policy", () => {
  it("wants 12 characters and refuses the most common passwords", () => {
    expect(passwordProblem("short")).toMatch(/12 characters/);
    expect(passwordProblem("qwerty123456")).toMatch(/common/);
    expect(passwordProblem("1q2w3e4r5t6y")).toMatch(/common/);
    expect(passwordProblem("aaaaaaaaaaaaaa")).toMatch(/repeat/);
    expect(passwordProblem("maria.gonzalez-2026", "maria.gonzalez@farm.test")).toMatch(/email/);
    expect(passwordProblem("pasture gate at dawn")).toBeNull();
  });
});
