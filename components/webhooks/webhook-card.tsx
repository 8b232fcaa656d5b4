"use client";

import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { CopyField } from "../ui/copy-field";
import { Notice } from "../ui/notice";
import { DeliveryLog } from "./delivery-log";
import { TestSend } from "./test-send";
import type { WebhookView } from "@/lib/server/db/queries/webhooks-admin";
import { fetchSecret, useDeleteWebhook, useUpdateWebhook } from "./use-webhooks";
import { stateReason, WebhookState } from "./webhook-state";

/** One endpoint: where it points, its state and why, and what an admin can do with it. */
export function WebhookCard({ hook }: { hook: WebhookView }) {
  const update = useUpdateWebhook(hook.id);
  const remove = useDeleteWebhook(hook.id);
  const [secret, setSecret] = useState<string | null>(null);
  const [secretError, setSecretError] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const reason = stateReason(hook);

  const showSecret = () =>
    fetchSecret(hook.id).then(
      (r) => setSecret(r.secret),
      (e: unknown) => setSecretError(errorMessage(e)),
    );

  return (
    <Card className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 font-semibold">
            {hook.name} <WebhookState hook={hook} />
          </h2>
          <p className="font-mono text-xs break-all text-muted">{hook.url}</p>
          <p className="text-xs text-muted">
            {hook.site.name} · {hook.pending} waiting · {hook.failed} failed
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {hook.state === "paused" && (
            <Button onClick={() => update.mutate({ paused: false })}>Resume</Button>
          )}
          {hook.enabled ? (
            <Button onClick={() => update.mutate({ enabled: false })}>Disable</Button>
          ) : (
            <Button onClick={() => update.mutate({ enabled: true })}>Enable</Button>
          )}
          <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        </div>
      </div>
      {reason && <Notice tone={hook.state === "paused" ? "danger" : "info"}>{reason}</Notice>}
      {update.error && <Notice>{errorMessage(update.error)}</Notice>}
      <div className="flex flex-wrap items-start gap-2">
        <TestSend id={hook.id} />
        {!secret && (
          <Button variant="ghost" onClick={showSecret}>
            Show secret
          </Button>
        )}
        <Button variant="ghost" onClick={() => setShowLog(!showLog)} aria-expanded={showLog}>
          {showLog ? "Hide deliveries" : "Deliveries"}
        </Button>
      </div>
      {secret && <CopyField label="Signing secret" value={secret} />}
      {secretError && <Notice>{secretError}</Notice>}
      {showLog && <DeliveryLog webhookId={hook.id} />}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${hook.name}?`}
        confirmLabel="Delete endpoint"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirmDelete(false) })}
      >
        Rules stop notifying it, and its delivery log is deleted with it.
      </ConfirmDialog>
    </Card>
  );
}
