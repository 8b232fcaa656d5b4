"use client";

import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { describeRule, type SentenceContext } from "./rule-sentence";
import { SeverityBadge } from "./severity-badge";
import { useDeleteRule, useToggleRule } from "./use-rules";
import type { AlertRuleView } from "./types";

/** A rule as its sentence, with on/off, edit and delete for those who may edit it. */
export function RuleItem({
  rule,
  ctx,
  canEdit,
  onEdit,
}: {
  rule: AlertRuleView;
  ctx: SentenceContext;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const toggle = useToggleRule(rule.id);
  const remove = useDeleteRule(rule.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <li
      data-testid="alert-rule"
      className={`flex flex-col gap-3 px-4 py-3.5 sm:flex-row sm:items-start ${rule.enabled ? "" : "opacity-70"}`}
    >
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium [overflow-wrap:anywhere]">{rule.name}</span>
          <SeverityBadge severity={rule.severity} />
          {!rule.enabled && (
            <span className="text-xs font-medium text-muted">
              {rule.disabledReason === "device_moved" ? "Off: its device moved to another site" : "Off"}
            </span>
          )}
          {rule.openAlerts > 0 && (
            <span className="text-xs font-medium text-danger">{rule.openAlerts} firing</span>
          )}
        </p>
        <p className="text-muted [overflow-wrap:anywhere]">{describeRule(rule, ctx)}</p>
        {toggle.isError && (
          <p role="alert" className="text-xs text-danger">
            {errorMessage(toggle.error)}
          </p>
        )}
      </div>
      {canEdit && (
        <div className="flex shrink-0 items-center gap-2">
          <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-2 text-sm font-medium">
            <input
              type="checkbox"
              role="switch"
              checked={rule.enabled}
              disabled={toggle.isPending}
              onChange={(e) => toggle.mutate(e.target.checked)}
              className="size-5 accent-accent"
            />
            {rule.enabled ? "On" : "Off"}
          </label>
          <Button onClick={onEdit} className="max-sm:min-h-11">
            Edit
          </Button>
          <Button variant="ghost" className="text-danger max-sm:min-h-11" onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete this rule?"
        confirmLabel="Delete rule"
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        <p>
          “{rule.name}” stops watching at once
          {rule.openAlerts > 0
            ? `, and its ${rule.openAlerts} open ${rule.openAlerts === 1 ? "alert goes" : "alerts go"} with it`
            : ""}
          . Its past alerts are deleted too. To pause it instead, switch it off.
        </p>
      </ConfirmDialog>
    </li>
  );
}
