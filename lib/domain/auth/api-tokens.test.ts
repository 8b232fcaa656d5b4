import { describe, expect, it } from "vitest";
import { newTokenTerms } from "./api-tokens";

const DAY = 86_400_000;
const now = Date.UTC(2025, 0, 1);

describe("newTokenTerms", () => {
  it("bounds nothing when a session makes the token", () => {
    expect(newTokenTerms({ scope: "write" }, null, now)).toEqual({
      ok: true,
      scope: "write",
      expiresAt: null,
    });
    expect(newTokenTerms({ scope: "read", expiresInDays: 3 }, null, now)).toEqual({
      ok: true,
      scope: "read",
      expiresAt: new Date(now + 3 * DAY),
    });
  });

  it("never lets a token make a stronger or longer-lived one", () => {
    const maker = { scope: "write" as const, expiresAt: new Date(now + 5.5 * DAY) };
    expect(newTokenTerms({ scope: "read" }, maker, now)).toEqual({
      ok: true,
      scope: "read",
      expiresAt: maker.expiresAt,
    });
    expect(newTokenTerms({ scope: "write", expiresInDays: 5 }, maker, now)).toMatchObject({ ok: true });
    expect(newTokenTerms({ scope: "write", expiresInDays: 6 }, maker, now)).toMatchObject({
      ok: false,
      field: "expiresInDays",
      message: expect.stringMatching(/at most 5 days/),
    });
    expect(newTokenTerms({ scope: "write" }, { scope: "read", expiresAt: null }, now)).toMatchObject({
      ok: false,
      field: "scope",
    });
    expect(
      newTokenTerms(
        { scope: "read", expiresInDays: 1 },
        { scope: "read", expiresAt: new Date(now + 3_600_000) },
        now,
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/leave it out/) });
  });
});
