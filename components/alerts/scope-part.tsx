"use client";

import type { DeviceView } from "@/lib/server/db/queries/devices";
import type { DeviceTypeView } from "@/lib/server/db/queries/device-types";
import type { RuleDraft, ScopeKind } from "./rule-draft";
import { InlineSelect, Words } from "./sentence-controls";

interface Props {
  draft: RuleDraft;
  onChange: (patch: Partial<RuleDraft>) => void;
  errors: Record<string, string | undefined>;
  /** The sites where this person edits rules. */
  sites: { slug: string; name: string }[];
  devices: DeviceView[];
  types: DeviceTypeView[];
}

const SCOPES: { id: ScopeKind; label: string }[] = [
  { id: "device", label: "the device" },
  { id: "type", label: "devices of type" },
  { id: "site", label: "every device in" },
];

/** "on [the device ▾] [Soil 01 ▾]", "on [devices of type ▾] [Soil probe ▾] in [North farm ▾]", "on [every device in ▾] [North farm ▾]". */
export function ScopePart({ draft, onChange, errors, sites, devices, types }: Props) {
  const editable = devices.filter((d) => sites.some((s) => s.slug === d.site.slug));
  const unlisted = draft.device && !editable.some((d) => d.key === draft.device);
  return (
    <>
      <Words>{draft.kind === "no_data" ? "from" : "on"}</Words>
      <InlineSelect
        label="Which devices"
        value={draft.scope}
        onChange={(e) => onChange({ scope: e.target.value as ScopeKind })}
      >
        {SCOPES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </InlineSelect>
      {draft.scope === "device" && (
        <InlineSelect
          label="Device"
          error={errors.device}
          value={draft.device}
          onChange={(e) => onChange({ device: e.target.value })}
          className="max-w-64"
        >
          <option value="">choose a device…</option>
          {unlisted && <option value={draft.device}>{draft.device}</option>}
          {editable.map((d) => (
            <option key={d.key} value={d.key}>
              {d.name} ({d.site.name})
            </option>
          ))}
        </InlineSelect>
      )}
      {draft.scope === "type" && (
        <>
          <InlineSelect
            label="Device type"
            error={errors.type}
            value={draft.type}
            onChange={(e) => onChange({ type: e.target.value })}
          >
            <option value="">choose a type…</option>
            {types.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </InlineSelect>
          <Words>in</Words>
        </>
      )}
      {draft.scope !== "device" && (
        <InlineSelect
          label="Site"
          error={errors.site}
          value={draft.site}
          onChange={(e) => onChange({ site: e.target.value })}
        >
          <option value="">choose a site…</option>
          {draft.site && !sites.some((s) => s.slug === draft.site) && (
            <option value={draft.site}>{draft.site}</option>
          )}
          {sites.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </InlineSelect>
      )}
    </>
  );
}
