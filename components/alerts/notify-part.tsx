"use client";

import { Choice } from "../ui/choice";
import { FieldError } from "../ui/field";
import type { WebhookOption } from "./use-alert-options";

interface Props {
  /** The rule's webhook ids; null: not loaded or not to be changed. */
  value: string[] | null;
  onChange: (ids: string[]) => void;
  /** The endpoints of the rule's site this person may pick from (site admins see them). */
  hooks: WebhookOption[];
  error?: string;
}

/** "and notify [x] Ops Slack [ ] Pager": checkboxes for the site's webhooks, or a note when they can't be listed here. */
export function NotifyPart({ value, onChange, hooks, error }: Props) {
  const chosen = value ?? [];
  if (hooks.length === 0) {
    if (chosen.length === 0 && !error) return null;
    return (
      <div className="space-y-1">
        {chosen.length > 0 && (
          <p className="text-muted">
            Also notifies {chosen.length === 1 ? "1 webhook" : `${chosen.length} webhooks`} (site admins
            choose them).
          </p>
        )}
        {error && <FieldError>{error}</FieldError>}
      </div>
    );
  }
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">and notify</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {hooks.map((h) => (
          <Choice
            key={h.id}
            type="checkbox"
            className="min-h-11 items-center"
            label={h.name}
            hint={
              h.state === "active"
                ? undefined
                : h.state === "paused"
                  ? "paused: failing deliveries"
                  : "disabled"
            }
            checked={chosen.includes(h.id)}
            onChange={(e) => toggle(h.id, e.target.checked)}
          />
        ))}
      </div>
      {error && <FieldError>{error}</FieldError>}
    </fieldset>
  );
}

/** The names of the chosen webhooks, for the summary sentence (ids the list doesn't know are left out). */
export function webhookNames(ids: string[] | null | undefined, hooks: WebhookOption[]): string[] {
  return (ids ?? []).flatMap((id) => hooks.find((h) => h.id === id)?.name ?? []);
}
