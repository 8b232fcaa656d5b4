import { describe, expect, it } from "vitest";
import { callRoute, createCaller, routeTestDb } from "@/test/support/api-caller";
import { POST } from "./route";

// A token can't outlive or out-scope the token that makes it (docs/api.md, "API tokens").
const db = routeTestDb();

const DAY = 86_400_000;
const create = (caller: Awaited<ReturnType<typeof createCaller>>, body: Record<string, unknown>) =>
  callRoute(POST, caller, { method: "POST", path: "/api/tokens", body: { name: "child", ...body } });
const expiresAt = (res: { body: unknown }) => (res.body as { expiresAt: string | null }).expiresAt;

describe("POST /api/tokens with a token", () => {
  it("gives a token without an expiry of its own the caller token's expiry, and refuses a longer one", async () => {
    const end = new Date(Date.now() + 10 * DAY);
    const caller = await createCaller(db.sql, { scope: "write", expiresAt: end });

    const inherited = await create(caller, { scope: "write" });
    expect(inherited.status).toBe(201);
    expect(expiresAt(inherited)).toBe(end.toISOString());

    const longer = await create(caller, { expiresInDays: 3650 });
    expect(longer.status).toBe(422);
    expect(longer.body).toMatchObject({
      error: { code: "invalid_field", fields: { expiresInDays: expect.stringMatching(/at most 9 days/) } },
    });

    const shorter = await create(caller, { expiresInDays: 2 });
    expect(shorter.status).toBe(201);
    expect(new Date(expiresAt(shorter)!).getTime()).toBeLessThan(end.getTime());

    // Nothing was stored for the refused one, and no token of this person lives past the caller's.
    const [row] = await db.sql<{ n: number; latest: Date | null; open: number }[]>`
      select count(*)::int as n, max(expires_at) as latest, count(*) filter (where expires_at is null)::int as open
      from api_tokens where user_id = ${caller.userId}`;
    expect(row).toEqual({ n: 3, latest: end, open: 0 });
  });

  it("lets a token without expiry make one without expiry, and a read-only token make none", async () => {
    const open = await createCaller(db.sql, { scope: "write", expiresAt: null });
    const made = await create(open, { scope: "write" });
    expect(made.status).toBe(201);
    expect(expiresAt(made)).toBeNull();

    const readOnly = await createCaller(db.sql, { scope: "read" });
    const refused = await create(readOnly, { scope: "read" });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "read_only_token" } });
  });
});
