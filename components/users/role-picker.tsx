"use client";

import { useId } from "react";
import { FieldError, inputBaseClass } from "../ui/field";
import type { SiteRole } from "@/lib/domain/auth/access";
import type { RoleInput } from "@/lib/domain/users/input";
import { ROLE_LABEL, type ManagedSite } from "./types";

/** Site slug → role, "" for no role there. */
export type RoleChoice = Record<string, SiteRole | "">;

export function choiceFromGrants(grants: RoleInput[]): RoleChoice {
  return Object.fromEntries(grants.map((g) => [g.site, g.role]));
}

export function grantsFromChoice(sites: ManagedSite[], choice: RoleChoice): RoleInput[] {
  return sites.flatMap((s) => (choice[s.slug] ? [{ site: s.slug, role: choice[s.slug] as SiteRole }] : []));
}

interface Props {
  sites: ManagedSite[];
  value: RoleChoice;
  onChange: (value: RoleChoice) => void;
  error?: string;
}

/** One row per site the admin manages, each with a role select ("Role on <site>"). */
export function RolePicker({ sites, value, onChange, error }: Props) {
  const id = useId();
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">Roles</legend>
      {sites.length === 0 && <p className="text-muted">There are no sites yet.</p>}
      {sites.length > 0 && (
        <ul className="divide-y divide-border rounded-md border border-border">
          {sites.map((site) => (
            <li key={site.slug} className="flex items-center justify-between gap-3 px-3 py-2">
              <label htmlFor={`${id}-${site.slug}`} className="min-w-0 flex-1 truncate">
                <span className="sr-only">Role on </span>
                {site.name}
              </label>
              <select
                id={`${id}-${site.slug}`}
                value={value[site.slug] ?? ""}
                onChange={(e) => onChange({ ...value, [site.slug]: e.target.value as SiteRole | "" })}
                className={`${inputBaseClass} w-32 shrink-0 py-1.5 sm:w-36`}
              >
                <option value="">None</option>
                {(Object.keys(ROLE_LABEL) as SiteRole[]).map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABEL[role]}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  );
}
