import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { queryKeys } from "../api/keys";
import { AlertTable } from "./alert-table";
import { RuleEditor } from "./rule-editor";
import { RuleItem } from "./rule-item";
import type { AlertRuleView, AlertView } from "./types";

// Server-rendered text of the views with their caches filled: proves they render and read as sentences.
const SOIL = { name: "soil.moisture", label: "Soil moisture", unit: "%" };
const DEVICE = {
  key: "gh-1",
  name: "Greenhouse 1",
  site: { slug: "north", name: "North" },
  type: { slug: "soil", name: "Soil probe" },
  metrics: [SOIL],
  latest: {},
};

function text(el: ReactElement): string {
  const qc = new QueryClient();
  qc.setQueryData(queryKeys.deviceTypes(), {
    items: [{ slug: "soil", name: "Soil probe", inactivityTimeoutS: 300, devices: 1, metrics: [SOIL] }],
  });
  qc.setQueryData(queryKeys.devices({ picker: "" }), { items: [DEVICE], total: 1, page: 1, pageSize: 200 });
  qc.setQueryData(queryKeys.device("gh-1"), DEVICE);
  qc.setQueryData(queryKeys.webhookOptions(), {
    items: [
      { id: "w1", name: "Ops Slack", site: { slug: "north", name: "North" }, state: "active" },
      { id: "w2", name: "Elsewhere", site: { slug: "south", name: "South" }, state: "active" },
    ],
  });
  return renderToString(h(QueryClientProvider, { client: qc }, el))
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

const SITES = [{ slug: "north", name: "North" }];
const RULE: AlertRuleView = {
  id: "r",
  name: "Dry",
  openAlerts: 1,
  createdAt: "",
  site: "north",
  type: "soil",
  kind: "threshold",
  metric: "soil.moisture",
  comparison: "outside",
  threshold: 10,
  thresholdHigh: 30,
  forS: 600,
  clearThreshold: 12,
  clearThresholdHigh: 28,
  clearForS: 300,
  severity: "critical",
  enabled: true,
};

describe("rule editor", () => {
  it("starts a rule for the device it was opened from", () => {
    const t = text(
      h(RuleEditor, {
        rule: null,
        prefill: { device: "gh-1", metric: "soil.moisture" },
        sites: SITES,
        onClose: () => {},
      }),
    );
    expect(t).toContain("New alert rule");
    expect(t).toContain("When Soil moisture on Greenhouse 1 is below … for 10 minutes, raise warning.");
  });
  it("reads an existing band rule back with names and units", () => {
    const t = text(
      h(RuleEditor, {
        rule: { ...RULE, webhooks: ["w1", "w2"] },
        prefill: {},
        sites: SITES,
        onClose: () => {},
      }),
    );
    expect(t).toContain(
      "When Soil moisture on Soil probe devices in North is outside 10 – 30 % for 10 minutes, raise critical; clear when back between 12 – 28 % for 5 minutes, and notify Ops Slack.",
    );
    expect(t).toContain("Save rule");
    // The site's webhooks only, as checkboxes.
    expect(t).toContain("and notify Ops Slack");
    expect(t).not.toContain("Elsewhere");
  });
  it("lists a rule with its controls for an operator", () => {
    const t = text(h("ul", null, h(RuleItem, { rule: RULE, ctx: {}, canEdit: true, onEdit: () => {} })));
    expect(t).toContain("1 firing");
    expect(t).toMatch(/On Edit Delete/);
  });
});

describe("alert table", () => {
  const alert: AlertView = {
    id: "a",
    rule: { id: "r", name: "Dry" },
    device: { key: "gh-1", name: "GH" },
    site: { slug: "north", name: "North" },
    severity: "warning",
    state: "firing",
    startedAt: new Date().toISOString(),
    value: 12.5,
    resolvedAt: null,
    acknowledged: null,
  };
  it("offers Acknowledge on open alerts where the person may, and shows who acknowledged", () => {
    // The button, not the "Acknowledged" column header.
    const button = /Acknowledge(?!d)/;
    expect(text(h(AlertTable, { canAck: () => true, items: [alert] }))).toMatch(button);
    expect(text(h(AlertTable, { canAck: () => false, items: [alert] }))).not.toMatch(button);
    const acked = text(
      h(AlertTable, {
        canAck: () => true,
        items: [{ ...alert, acknowledged: { at: alert.startedAt, by: "Ann", comment: "on it" } }],
      }),
    );
    expect(acked).toContain("Ann");
    expect(acked).toContain("“on it”");
    expect(acked).not.toMatch(button);
  });
});
