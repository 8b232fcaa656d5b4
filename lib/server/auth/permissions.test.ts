import { describe, expect, it } from "vitest";
import type { Viewer } from "../db/queries/users";
import { ACTIONS, can, canAnywhere, scopeFor, siteStanding, type Action } from "./permissions";

const farm = "site-farm";
const factory = "site-factory";
const person = (roles: Viewer["roles"], isAdmin = false): Viewer => ({
  id: "u",
  email: "u@x.test",
  name: "U",
  isAdmin,
  roles,
});

describe("permissions", () => {
  it("grants by role rank on the site, never across sites", () => {
    const operator = person([{ siteId: farm, role: "operator" }]);
    expect(can(operator, "device.read", farm)).toBe(true);
    expect(can(operator, "alert.ack", farm)).toBe(true);
    expect(can(operator, "device.manage", farm)).toBe(false);
    expect(can(operator, "device.read", factory)).toBe(false);
  });

  it("gives global admins everything and site admins nothing global", () => {
    const admin = person([], true);
    const siteAdmin = person([{ siteId: farm, role: "admin" }]);
    for (const action of Object.keys(ACTIONS) as Action[]) expect(can(admin, action, factory)).toBe(true);
    expect(can(siteAdmin, "user.manage", farm)).toBe(true);
    expect(can(siteAdmin, "site.manage", farm)).toBe(false);
    // Webhooks send a site's data out and hold signing secrets: its admins, not its operators.
    expect(can(siteAdmin, "webhook.manage", farm)).toBe(true);
    expect(can(siteAdmin, "webhook.manage", factory)).toBe(false);
    expect(can(person([{ siteId: farm, role: "operator" }]), "webhook.manage", farm)).toBe(false);
  });

  it("scopes list queries to the sites where the action is allowed", () => {
    const mixed = person([
      { siteId: farm, role: "admin" },
      { siteId: factory, role: "viewer" },
    ]);
    expect(scopeFor(mixed, "device.read")).toEqual({ all: false, siteIds: [farm, factory] });
    expect(scopeFor(mixed, "user.manage")).toEqual({ all: false, siteIds: [farm] });
    expect(canAnywhere(person([{ siteId: farm, role: "viewer" }]), "audit.read")).toBe(false);
    expect(scopeFor(person([], true), "audit.read")).toEqual({ all: true });
  });

  it("reads a site the viewer can't see as unknown, like a slug that names none", () => {
    const viewer = person([{ siteId: farm, role: "viewer" }]);
    expect(siteStanding(viewer, "device.manage", null)).toBe("unknown");
    expect(siteStanding(viewer, "device.manage", factory)).toBe("unknown");
    expect(siteStanding(viewer, "device.manage", farm)).toBe("forbidden");
    expect(siteStanding(viewer, "device.read", farm)).toBe("ok");
    expect(siteStanding(person([], true), "device.manage", factory)).toBe("ok");
  });
});
