import { partialMatchKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys as k } from "./keys";

// Invalidations match by prefix, so what matters is which keys a family key begins: pinned here.
describe("query keys", () => {
  it("group each resource's queries under the key its changes invalidate", () => {
    const families: [readonly unknown[], (readonly unknown[])[]][] = [
      [k.devices(), [k.devices({ qs: "page=2" }), k.devices({ picker: "" })]],
      [k.alerts(), [k.alerts(""), k.alerts("state=active"), k.alertsBadge()]],
      [k.webhooks(), [k.webhookDeliveries("w1"), k.webhookOptions()]],
      [k.quarantine(), [k.quarantine(""), k.quarantine("page=2")]],
    ];
    for (const [family, members] of families)
      for (const key of members) expect(partialMatchKey(key, family)).toBe(true);
  });

  it("keep unrelated resources apart", () => {
    expect(partialMatchKey(k.device("gh-1"), k.devices())).toBe(false);
    expect(partialMatchKey(k.unprovisionedDevices(), k.devices())).toBe(false);
    expect(partialMatchKey(k.alertRules(), k.alerts())).toBe(false);
    expect(partialMatchKey(k.alertsBadge(), k.alerts("badge"))).toBe(false);
  });

  it("name a family by the bare prefix, even for an empty query string", () => {
    expect(k.devices()).toEqual(["devices"]);
    expect(k.alerts()).toEqual(["alerts"]);
    expect(k.quarantine()).toEqual(["quarantine"]);
    expect(k.quarantine("")).toEqual(["quarantine", ""]);
  });
});
