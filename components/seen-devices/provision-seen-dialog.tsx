"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { formErrors, NO_ERRORS } from "../api/send-json";
import { CredentialsPanel } from "../provisioning/credentials-panel";
import type { ProvisioningContext } from "../provisioning/types";
import { Button, buttonClass } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import type { UnprovisionedKeyView } from "@/lib/server/db/queries/unprovisioned";
import type { ProvisionedSeenView } from "@/lib/server/devices/view";
import { useProvisionSeen } from "./use-seen-devices";

const FIELDS = ["name", "site", "type"] as const;

/** Provisions a key seen publishing: name, site and type; then its credentials (once) and what its waiting messages became. */
export function ProvisionSeenDialog({
  seen,
  context,
  onClose,
}: {
  seen: UnprovisionedKeyView;
  context: ProvisioningContext;
  onClose: () => void;
}) {
  const provision = useProvisionSeen(seen.key);
  const done = provision.data;
  return (
    <Dialog
      open
      onClose={onClose}
      title={done ? `${seen.key} is provisioned` : `Provision ${seen.key}`}
      className="max-w-2xl"
    >
      {done ? (
        <Done result={done} onClose={onClose} />
      ) : (
        <SeenForm seen={seen} context={context} provision={provision} />
      )}
    </Dialog>
  );
}

function SeenForm({
  seen,
  context,
  provision,
}: {
  seen: UnprovisionedKeyView;
  context: ProvisioningContext;
  provision: ReturnType<typeof useProvisionSeen>;
}) {
  const errors = provision.error ? formErrors(provision.error, FIELDS) : NO_ERRORS;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const type = String(form.get("type") ?? "");
    provision.mutate({
      name: String(form.get("name") ?? "").trim(),
      site: String(form.get("site") ?? ""),
      type: type === "" ? null : type,
    });
  }
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Provision device" noValidate>
      <p className="text-muted">
        <span className="font-mono text-foreground">{seen.key}</span> has sent{" "}
        {seen.messages.toLocaleString()} {seen.messages === 1 ? "message" : "messages"}. Once provisioned they
        are replayed and show up as its readings, at the time they were sent.
      </p>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        data-autofocus
        error={errors.fields.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Site"
          name="site"
          required
          defaultValue={context.sites.length === 1 ? context.sites[0]!.slug : ""}
          error={errors.fields.site}
        >
          <option value="" disabled>
            Choose a site
          </option>
          {context.sites.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Type"
          name="type"
          defaultValue=""
          error={errors.fields.type}
          hint="Its metrics and ranges: the messages are checked against them."
        >
          <option value="">No type</option>
          {context.types.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      {errors.message && <Notice>{errors.message}</Notice>}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" busy={provision.isPending}>
          {provision.isPending ? "Provisioning and replaying…" : "Provision and replay"}
        </Button>
      </div>
    </form>
  );
}

function Done({ result, onClose }: { result: ProvisionedSeenView; onClose: () => void }) {
  const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? "message" : "messages"}`;
  return (
    <div className="space-y-4">
      <Notice tone="ok" className="space-y-1">
        <p data-testid="seen-replayed">{plural(result.replayed)} replayed into readings.</p>
        {result.rejected > 0 && (
          <p>
            {plural(result.rejected)} still refused (e.g. out of the type&apos;s range): see the Quarantine
            page.
          </p>
        )}
        {result.remaining > 0 && (
          <p>{plural(result.remaining)} more wait; replay them from the Quarantine page.</p>
        )}
      </Notice>
      <CredentialsPanel credentials={result.credentials} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button onClick={onClose}>Done</Button>
        <Link
          href={`/devices/${encodeURIComponent(result.credentials.username)}`}
          className={buttonClass("primary")}
        >
          Open the device
        </Link>
      </div>
    </div>
  );
}
