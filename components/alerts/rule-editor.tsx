"use client";

import { useState, type FormEvent } from "react";
import { deviceMetrics } from "@/lib/domain/devices/metrics";
import type { MetricSpec } from "@/lib/domain/devices/types";
import { formErrors, NO_ERRORS } from "../api/send-json";
import type { DeviceTypeView } from "@/lib/server/db/queries/device-types";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { metricLabel } from "../ui/format";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { ClearPart, MetricSelect, SeveritySelect, ThresholdPart } from "./condition-part";
import { metricsOf } from "./metric-names";
import { draftFromRule, draftProblems, draftToInput, newDraft, type RuleDraft } from "./rule-draft";
import { describeRule, suggestName } from "./rule-sentence";
import { NotifyPart, webhookNames } from "./notify-part";
import { ScopePart } from "./scope-part";
import { DurationSelect, RepeatSelect, Words } from "./sentence-controls";
import { useDevice, useDeviceTypes, useSiteDevices, useWebhooks } from "./use-alert-options";
import { RulePreview } from "./rule-preview";
import { useSaveRule } from "./use-rules";
import type { AlertRuleView } from "./types";

const FIELDS = [
  "name",
  "device",
  "site",
  "type",
  "kind",
  "metric",
  "comparison",
  "threshold",
  "thresholdHigh",
  "forS",
  "clearThreshold",
  "clearThresholdHigh",
  "clearForS",
  "severity",
  "webhooks",
  "repeatEveryS",
] as const;

interface Props {
  rule: AlertRuleView | null;
  prefill: { device?: string; site?: string; metric?: string };
  sites: { slug: string; name: string }[];
  onClose: () => void;
}

/** The rule editor: a sentence with the choices inline, its summary read back above Save. */
export function RuleEditor({ rule, prefill, sites, onClose }: Props) {
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : newDraft(prefill)));
  const [tried, setTried] = useState(false);
  const save = useSaveRule(rule?.id ?? null);
  const types = useDeviceTypes().data ?? [];
  const devices = useSiteDevices("").data ?? [];
  const device = useDevice(draft.scope === "device" ? draft.device : "").data;
  const siteSlug = draft.scope === "device" ? device?.site.slug : draft.site;
  const allHooks = useWebhooks().data ?? [];
  const hooks = allHooks.filter((h) => h.site.slug === siteSlug);
  // A rule moved to another site can't keep that site's webhooks: drop the ones known to be elsewhere.
  const webhooks =
    draft.webhooks?.filter((id) => hooks.some((h) => h.id === id) || !allHooks.some((h) => h.id === id)) ??
    null;
  const change = (patch: Partial<RuleDraft>) =>
    setDraft((d) => {
      // Widening a device rule to its type or site starts from that device's site and type.
      const carry =
        patch.scope && patch.scope !== "device" && d.scope === "device" && device
          ? { site: d.site || device.site.slug, type: d.type || (device.type?.slug ?? "") }
          : {};
      return { ...d, ...carry, ...patch };
    });

  const metrics = metricOptions(draft, device ? deviceMetrics(device) : null, types);
  const spec = metrics.find((m) => m.name === draft.metric);
  const ctx = {
    metricLabel: spec ? metricLabel(spec) : undefined,
    unit: spec?.unit,
    deviceName: device?.name,
    siteName: sites.find((s) => s.slug === draft.site)?.name,
    typeName: types.find((t) => t.slug === draft.type)?.name,
    webhookNames: webhookNames(webhooks, hooks),
  };
  const suggested = suggestName(draftToInput(draft, ""), ctx);
  const name = draft.nameEdited ? draft.name : suggested;
  const input = draftToInput({ ...draft, webhooks }, name.trim());
  const ownProblems = { ...draftProblems(draft), ...(name.trim() ? {} : { name: "Give the rule a name" }) };
  const problems = tried ? ownProblems : {};
  const server = save.error ? formErrors(save.error, FIELDS) : NO_ERRORS;
  // The browser's own checks first; the server's messages for what it alone can tell (a clear line on the wrong side).
  const errors: Record<string, string | undefined> = { ...server.fields, ...problems };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(ownProblems).length > 0) return;
    save.mutate(input, { onSuccess: onClose });
  };

  return (
    <Dialog open onClose={onClose} title={rule ? "Edit alert rule" : "New alert rule"} className="max-w-2xl">
      <form onSubmit={submit} noValidate className="space-y-5" aria-label="Alert rule">
        <KindToggle
          kind={draft.kind}
          onChange={(kind) =>
            change({ kind, forS: kind === "no_data" && draft.forS < 60 ? 900 : draft.forS })
          }
        />
        <div className="flex flex-wrap items-start gap-x-2 gap-y-3 text-base">
          {draft.kind === "threshold" ? (
            <>
              <Words>When</Words>
              <MetricSelect draft={draft} onChange={change} errors={errors} metrics={metrics} />
              <ScopePart
                draft={draft}
                onChange={change}
                errors={errors}
                sites={sites}
                devices={devices}
                types={types}
              />
              <ThresholdPart draft={draft} onChange={change} errors={errors} unit={spec?.unit} />
              <Words>then raise</Words>
              <SeveritySelect draft={draft} onChange={change} errors={errors} />
              <span aria-hidden className="h-0 basis-full" />
              <ClearPart draft={draft} onChange={change} errors={errors} unit={spec?.unit} />
            </>
          ) : (
            <>
              <Words>When no reading of</Words>
              <MetricSelect draft={draft} onChange={change} errors={errors} metrics={metrics} />
              <Words>arrives</Words>
              <ScopePart
                draft={draft}
                onChange={change}
                errors={errors}
                sites={sites}
                devices={devices}
                types={types}
              />
              <Words>for</Words>
              <DurationSelect
                label="Silence"
                value={draft.forS}
                min={60}
                error={errors.forS}
                onChange={(forS) => change({ forS })}
              />
              <Words>then raise</Words>
              <SeveritySelect draft={draft} onChange={change} errors={errors} />
            </>
          )}
        </div>
        <NotifyPart
          value={webhooks}
          onChange={(webhooks) => change({ webhooks })}
          hooks={hooks}
          error={errors.webhooks}
        />
        <RepeatSelect
          value={draft.repeatEveryS}
          onChange={(repeatEveryS) => change({ repeatEveryS })}
          error={errors.repeatEveryS}
        />
        <TextField
          label="Name"
          value={name}
          maxLength={120}
          error={errors.name}
          hint="Shown on alerts and notifications."
          onChange={(e) => change({ name: e.target.value, nameEdited: true })}
        />
        <RulePreview input={input} ready={Object.keys(ownProblems).length === 0} />
        <p
          aria-live="polite"
          data-testid="rule-summary"
          className="rounded-md bg-zinc-50 px-3 py-2 text-foreground dark:bg-zinc-900"
        >
          {describeRule(input, ctx)}
        </p>
        {server.message && <Notice>{server.message}</Notice>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button onClick={onClose} className="min-h-11">
            Cancel
          </Button>
          <Button type="submit" variant="primary" className="min-h-11" busy={save.isPending}>
            {rule ? "Save rule" : "Create rule"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The metrics the chosen devices report: the device's own, the type's, or every type's for a whole site. */
function metricOptions(
  draft: RuleDraft,
  deviceMetricList: MetricSpec[] | null,
  types: DeviceTypeView[],
): MetricSpec[] {
  if (draft.scope === "device") return deviceMetricList ?? [];
  if (draft.scope === "type") return types.find((t) => t.slug === draft.type)?.metrics ?? [];
  return metricsOf(types);
}

function KindToggle({
  kind,
  onChange,
}: {
  kind: RuleDraft["kind"];
  onChange: (kind: RuleDraft["kind"]) => void;
}) {
  const options = [
    { id: "threshold", label: "A value crosses a line" },
    { id: "no_data", label: "Data stops arriving" },
  ] as const;
  return (
    <div
      role="group"
      aria-label="Alert when"
      className="grid grid-cols-2 gap-1 rounded-lg border border-border bg-zinc-100 p-1 dark:bg-zinc-900"
    >
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          aria-pressed={kind === o.id}
          onClick={() => onChange(o.id)}
          className={`min-h-11 rounded-md px-3 text-sm font-medium transition ${kind === o.id ? "bg-surface text-foreground shadow-xs" : "text-muted hover:text-foreground"}`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
