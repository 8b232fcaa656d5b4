import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueId } from "../../../test/support/fixtures";
import type { SiteRole } from "../../domain/auth/access";
import type { Principal } from "../auth/principal";
import { connectDb, type Db } from "../db/connect";
import { listManagedUsers } from "../db/queries/user-admin";
import { loadViewer } from "../db/queries/users";
import { ApiError } from "../http/errors";
import { scopeFor } from "../auth/permissions";
import { updateUser } from "./manage";

let db: Db;
beforeAll(() => {
  db = connectDb(inject("databaseUrl"), { max: 2 });
});
afterAll(() => db.close());

async function site() {
  const slug = `site-${uniqueId()}`;
  const [row] = await db.sql<
    { id: string }[]
  >`insert into sites (slug, name) values (${slug}, ${slug}) returning id`;
  return { id: row!.id, slug };
}

async function person(roles: { siteId: string; role: SiteRole }[]) {
  const email = `p-${uniqueId()}@example.com`;
  const [row] = await db.sql<{ id: string; session_version: number }[]>`
    insert into users (email, name, password_hash) values (${email}, ${email}, 'x') returning id, session_version`;
  for (const r of roles)
    await db.sql`insert into memberships (user_id, site_id, role) values (${row!.id}, ${r.siteId}, ${r.role})`;
  return { id: row!.id, email, version: row!.session_version };
}

const asAdminOf = (siteId: string, id: string): Principal => ({
  id,
  email: "m@example.com",
  name: "M",
  isAdmin: false,
  roles: [{ siteId, role: "admin" }],
  via: "session",
  canWrite: true,
  token: null,
});

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof ApiError ? e.status : Promise.reject(e)),
  );

describe("a site admin and people of other sites", () => {
  it("may change nobody who also belongs to a site they don't administer, and sees them read-only", async () => {
    const [a, b] = [await site(), await site()];
    const m = await person([{ siteId: a.id, role: "admin" }]);
    const shared = await person([
      { siteId: a.id, role: "viewer" },
      { siteId: b.id, role: "admin" },
    ]);
    const caller = asAdminOf(a.id, m.id);
    for (const patch of [
      { password: "A-long-enough-passphrase-42" },
      { resetLink: true as const },
      { disabled: true },
      { roles: [{ site: a.slug, role: "operator" as const }] },
      { name: "Renamed" },
    ])
      expect(await statusOf(updateUser(db.sql, caller, shared.id, patch, null)), JSON.stringify(patch)).toBe(
        403,
      );

    const [row] = await db.sql<{ password_hash: string; disabled_at: Date | null; name: string }[]>`
      select password_hash, disabled_at, name from users where id = ${shared.id}`;
    expect(row).toEqual({ password_hash: "x", disabled_at: null, name: shared.email });
    const [listed] = await listManagedUsers(db.sql, scopeFor(caller, "user.manage"), shared.id);
    expect(listed).toMatchObject({ manageable: false, roles: [{ site: a.slug, role: "viewer" }] });
  });

  it("may change people whose every membership lies on their sites", async () => {
    const a = await site();
    const m = await person([{ siteId: a.id, role: "admin" }]);
    const own = await person([{ siteId: a.id, role: "operator" }]);
    const caller = asAdminOf(a.id, m.id);
    expect(await statusOf(updateUser(db.sql, caller, own.id, { name: "Renamed" }, null))).toBe(200);
    const [listed] = await listManagedUsers(db.sql, scopeFor(caller, "user.manage"), own.id);
    expect(listed).toMatchObject({ manageable: true, name: "Renamed" });
  });
});

describe("sessions end when an admin changes someone", () => {
  it("a new password, disabling or a role taken away ends the person's sessions; a new name doesn't", async () => {
    const a = await site();
    const m = await person([{ siteId: a.id, role: "admin" }]);
    const caller = asAdminOf(a.id, m.id);
    const cases = [
      { patch: { password: "A-long-enough-passphrase-42" }, ends: true },
      { patch: { resetLink: true as const }, ends: true },
      { patch: { roles: [{ site: a.slug, role: "viewer" as const }] }, ends: true },
      { patch: { roles: [] }, ends: true },
      { patch: { name: "Renamed" }, ends: false },
      { patch: { roles: [{ site: a.slug, role: "admin" as const }] }, ends: false },
    ];
    for (const { patch, ends } of cases) {
      const u = await person([{ siteId: a.id, role: "operator" }]);
      await updateUser(db.sql, caller, u.id, patch, null);
      const viewer = await loadViewer(db.orm, u.id, u.version);
      expect(viewer === null, JSON.stringify(patch)).toBe(ends);
    }
    const disabled = await person([{ siteId: a.id, role: "operator" }]);
    await updateUser(db.sql, caller, disabled.id, { disabled: true }, null);
    await updateUser(db.sql, caller, disabled.id, { disabled: false }, null);
    // Enabled again, the old session still doesn't come back.
    expect(await loadViewer(db.orm, disabled.id, disabled.version)).toBeNull();
  });
});
