"use client";

import { useState, type FormEvent } from "react";
import { ApiRequestError, errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { inputClass } from "../ui/field";
import { Notice } from "../ui/notice";
import { useAcknowledge } from "./use-alerts";
import type { AlertView } from "./types";

/** "Acknowledge" and its small dialog: an optional comment, the pending state, and a refusal shown in place. */
export function AckButton({ alert, className = "" }: { alert: AlertView; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} className={`py-1 max-lg:min-h-11 ${className}`}>
        Acknowledge
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Acknowledge alert">
        <AckForm alert={alert} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function AckForm({ alert, onDone }: { alert: AlertView; onDone: () => void }) {
  const ack = useAcknowledge(alert.id);
  const [comment, setComment] = useState("");
  // Someone else got there first: nothing left to do, say so and let the list show who.
  const taken = ack.error instanceof ApiRequestError && ack.error.status === 409;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ack.mutate(comment, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Acknowledge alert">
      <p className="text-muted">
        <span className="font-medium text-foreground">{alert.rule.name}</span> on {alert.device.name}.
        Acknowledging tells the others someone is on it; the alert stays open until the condition clears.
      </p>
      <label className="block space-y-1.5">
        <span className="block font-medium">Comment (optional)</span>
        <textarea
          data-autofocus
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="e.g. Valve checked, refilling the tank"
          className={inputClass}
        />
      </label>
      {ack.isError && (
        <Notice>{taken ? "Someone acknowledged this alert already." : errorMessage(ack.error)}</Notice>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button onClick={onDone}>{taken ? "Close" : "Cancel"}</Button>
        {!taken && (
          <Button type="submit" variant="primary" busy={ack.isPending}>
            Acknowledge
          </Button>
        )}
      </div>
    </form>
  );
}
