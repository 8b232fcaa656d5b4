import { describe, expect, it } from "vitest";
import { draftFromRule, draftProblems, draftToInput, newDraft } from "./rule-draft";
import { thresholdLines } from "./rule-match";
import { describeRule, durationChoices, formatDuration, suggestName } from "./rule-sentence";
import type { AlertRuleView } from "./types";

const rule = (over: Partial<AlertRuleView> = {}): AlertRuleView => ({
  id: "r1",
  name: "Dry soil",
  openAlerts: 0,
  createdAt: "2026-01-01T00:00:00Z",
  site: "north-farm",
  kind: "threshold",
  metric: "soil.moisture",
  comparison: "below",
  threshold: 20,
  forS: 600,
  clearForS: 0,
  severity: "warning",
  enabled: true,
  ...over,
});

describe("formatDuration", () => {
  it("reads seconds in the largest whole unit", () => {
    expect([0, 45, 60, 300, 3600, 7200, 86_400, 172_800].map(formatDuration)).toEqual([
      "0 minutes",
      "45 seconds",
      "1 minute",
      "5 minutes",
      "1 hour",
      "2 hours",
      "24 hours",
      "2 days",
    ]);
  });
  it("keeps an odd stored value among the choices", () => {
    expect(durationChoices(90)).toContain(90);
    expect(durationChoices(600, 60)[0]).toBe(60);
  });
});

describe("describeRule", () => {
  it("reads a threshold rule with its hysteresis as the sentence", () => {
    const r = rule({ clearThreshold: 25, clearForS: 300 });
    expect(describeRule(r, { metricLabel: "Soil moisture", unit: "%", siteName: "North farm" })).toBe(
      "When Soil moisture on any device in North farm is below 20 % for 10 minutes, raise warning; clear when above 25 % for 5 minutes.",
    );
  });
  it("names a device, a type, a band, and no spell when it fires at once", () => {
    const r = rule({
      site: undefined,
      device: "gh-1",
      comparison: "outside",
      threshold: 18,
      thresholdHigh: 24,
      forS: 0,
      severity: "critical",
    });
    expect(describeRule(r, { unit: "°C", metricLabel: "Temperature" })).toBe(
      "When Temperature on gh-1 is outside 18 – 24 °C, raise critical.",
    );
    expect(describeRule(rule({ type: "soil" }))).toContain("on soil devices in north-farm");
  });
  it("reads a no-data rule on one metric or on anything", () => {
    expect(describeRule(rule({ kind: "no_data", metric: undefined, comparison: undefined, forS: 900 }))).toBe(
      "When no reading at all arrives from any device in north-farm for 15 minutes, raise warning.",
    );
    expect(describeRule(rule({ kind: "no_data", forS: 3600 }))).toContain(
      "no reading of soil.moisture arrives",
    );
  });
  it("names the webhooks it notifies", () => {
    expect(describeRule(rule({ forS: 0 }), { webhookNames: ["Ops Slack", "Pager"] })).toBe(
      "When soil.moisture on any device in north-farm is below 20, raise warning, and notify Ops Slack, Pager.",
    );
  });
  it("suggests a short name", () => {
    expect(suggestName(rule(), { metricLabel: "soil moisture", unit: "%" })).toBe("Soil moisture below 20 %");
  });
});

describe("drafts", () => {
  it("round-trip a rule to the API body the editor sends", () => {
    const r = rule({ clearThreshold: 25 });
    const input = draftToInput(draftFromRule(r), r.name);
    expect(input).toMatchObject({
      name: "Dry soil",
      site: "north-farm",
      metric: "soil.moisture",
      comparison: "below",
      threshold: 20,
      forS: 600,
      clearThreshold: 25,
      clearThresholdHigh: null,
    });
    expect("device" in input).toBe(false);
  });
  it("send a removed clear line as null and a device scope alone", () => {
    const d = {
      ...draftFromRule(rule({ clearThreshold: 25 })),
      clearAt: false,
      scope: "device" as const,
      device: "gh-1",
    };
    const input = draftToInput(d, "x");
    expect(input.clearThreshold).toBeNull();
    expect(input).not.toHaveProperty("site");
  });
  it("leave a rule's webhooks alone unless the editor chose them", () => {
    expect(draftToInput(newDraft({ site: "s" }), "x")).not.toHaveProperty("webhooks");
    expect(draftToInput(draftFromRule(rule({ webhooks: ["w1"] })), "x").webhooks).toEqual(["w1"]);
    expect(
      draftToInput({ ...draftFromRule(rule({ webhooks: ["w1"] })), webhooks: [] }, "x").webhooks,
    ).toEqual([]);
  });
  it("finds what the browser can tell before saving", () => {
    expect(draftProblems(newDraft())).toEqual({
      site: "Choose a site",
      metric: "Choose a metric",
      threshold: "Enter a number",
    });
    expect(
      draftProblems({
        ...newDraft({ device: "gh-1" }),
        metric: "t",
        threshold: "1,5",
        comparison: "inside",
        thresholdHigh: "abc",
      }),
    ).toEqual({ thresholdHigh: "Not a number" });
    expect(draftProblems({ ...newDraft({ site: "s" }), kind: "no_data", forS: 0 })).toEqual({
      forS: "A silence of at least a minute",
    });
  });
});

describe("thresholdLines", () => {
  const d = { key: "gh-1", site: "north-farm", type: "soil" };
  it("draws the bounds of enabled threshold rules that cover the device's metric", () => {
    const rules = [
      rule(),
      rule({ enabled: false }),
      rule({ type: "other" }),
      rule({ metric: "temp" }),
      rule({ site: undefined, device: "gh-1", comparison: "inside", threshold: 1, thresholdHigh: 2 }),
    ];
    expect(thresholdLines(rules, d, "soil.moisture").map((l) => l.value)).toEqual([20, 1, 2]);
  });
});
