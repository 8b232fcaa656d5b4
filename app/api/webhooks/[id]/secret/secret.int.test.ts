import { describe, expect, it } from "vitest";
import { callRoute, createCaller, routeTestDb } from "@/test/support/api-caller";
import { createTestWebhook } from "@/test/support/webhook-receiver";
import { GET } from "./route";

// A signing secret lets its holder forge the site's webhook calls: read-only tokens never get one.
const db = routeTestDb();

describe("GET /api/webhooks/{id}/secret", () => {
  it("answers a write token of the site's admin, and refuses a read-only one without showing or auditing it", async () => {
    const hook = await createTestWebhook(db.sql, "https://hooks.example.com/secret");
    const roles = [{ siteId: hook.siteId, role: "admin" as const }];
    const get = (caller: Awaited<ReturnType<typeof createCaller>>) =>
      callRoute(GET, caller, {
        method: "GET",
        path: `/api/webhooks/${hook.id}/secret`,
        params: { id: hook.id },
      });

    const readOnly = await createCaller(db.sql, { roles, scope: "read" });
    const refused = await get(readOnly);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: { code: "read_only_token", message: expect.any(String) },
    });
    const shown = () =>
      db.sql`select 1 from audit_log where action = 'webhook.secret_shown' and target_id = ${hook.id}`;
    expect(await shown()).toHaveLength(0);

    const writer = await createCaller(db.sql, { roles, scope: "write" });
    expect(await get(writer)).toEqual({ status: 200, body: { secret: hook.secret } });
    expect(await shown()).toHaveLength(1);
  });
});
