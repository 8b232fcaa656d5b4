"use client";

import { useState, type FormEvent } from "react";
import { formErrors, NO_ERRORS } from "../api/send-json";
import { Button } from "../ui/button";
import { CopyField } from "../ui/copy-field";
import { Dialog, DoneButton } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import type { WebhookSite } from "./types";
import { useCreateWebhook } from "./use-webhooks";

const FIELDS = ["name", "url", "site"] as const;

/** "Add endpoint": the form, then the signing secret — shown here once (admins can show it again later). */
export function AddWebhookDialog({ sites }: { sites: WebhookSite[] }) {
  const [open, setOpen] = useState(false);
  const create = useCreateWebhook();
  const close = () => {
    setOpen(false);
    create.reset();
  };
  const errors = create.error ? formErrors(create.error, FIELDS) : NO_ERRORS;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get("name") ?? "").trim(),
      url: String(form.get("url") ?? "").trim(),
      site: String(form.get("site") ?? ""),
    });
  }

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)} disabled={sites.length === 0}>
        Add endpoint
      </Button>
      <Dialog open={open} onClose={close} title={create.data ? "Endpoint added" : "Add webhook endpoint"}>
        {create.data ? (
          <div className="space-y-4">
            <Notice tone="ok">
              <strong>{create.data.name}</strong> will receive the alerts of the rules that name it.
            </Notice>
            <CopyField label="Signing secret" value={create.data.secret} testId="webhook-secret" />
            <p className="text-xs text-muted">
              Verify each request&apos;s webhook-signature with it (any Standard Webhooks library does).
            </p>
            <DoneButton onClick={close} />
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4" aria-label="Add webhook endpoint">
            <TextField
              label="Name"
              name="name"
              required
              maxLength={120}
              data-autofocus
              error={errors.fields.name}
              placeholder="On-call pager"
            />
            <TextField
              label="URL"
              name="url"
              type="url"
              required
              inputMode="url"
              error={errors.fields.url}
              placeholder="https://hooks.example.com/fieldwatch"
            />
            <SelectField
              label="Site"
              name="site"
              required
              error={errors.fields.site}
              defaultValue={sites[0]?.slug}
            >
              {sites.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            {errors.message && <Notice>{errors.message}</Notice>}
            <div className="flex justify-end">
              <Button type="submit" variant="primary" busy={create.isPending}>
                Add endpoint
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
