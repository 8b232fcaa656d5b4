import { describe, expect, it } from "vitest";
import { RuleSet, ruleApplies, type CompiledRule } from "./rule-set";

const rule = (fields: Partial<CompiledRule>): CompiledRule => ({
  id: "r",
  siteId: "farm",
  deviceId: null,
  typeId: null,
  kind: "threshold",
  metric: "t",
  severity: "warning",
  threshold: { comparison: "above", threshold: 1, forMs: 0, clearForMs: 0 },
  silenceMs: 0,
  ...fields,
});

describe("rules and the device's current site", () => {
  it("a device rule stops applying once its device sits at another site", () => {
    const own = rule({ id: "own", deviceId: "d1" });
    expect(ruleApplies(own, "d1", { siteId: "farm", typeId: null })).toBe(true);
    expect(ruleApplies(own, "d1", { siteId: "factory", typeId: null })).toBe(false);
    const rules = new RuleSet([own, rule({ id: "site" }), rule({ id: "there", siteId: "factory" })]);
    expect(rules.thresholdRulesFor("t", "d1", { siteId: "farm", typeId: null }).map((r) => r.id)).toEqual([
      "own",
      "site",
    ]);
    expect(rules.thresholdRulesFor("t", "d1", { siteId: "factory", typeId: null }).map((r) => r.id)).toEqual([
      "there",
    ]);
  });
});
