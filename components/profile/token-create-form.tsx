"use client";

import { type FormEvent } from "react";
import { Button } from "../ui/button";
import { Choice } from "../ui/choice";
import { SelectField, TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { formErrors, NO_ERRORS } from "@/components/api/send-json";
import type { CreatedTokenView, TokenScope } from "@/lib/server/db/queries/api-tokens";
import { useCreateToken } from "./use-tokens";

const FIELDS = ["name", "scope", "expiresInDays"] as const;

/** Name, scope and lifetime of a new personal API token. */
export function TokenCreateForm({ onCreated }: { onCreated: (token: CreatedTokenView) => void }) {
  const create = useCreateToken();
  const errors = create.error ? formErrors(create.error, FIELDS) : NO_ERRORS;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const days = Number(form.get("expiresInDays"));
    create.mutate(
      {
        name: String(form.get("name") ?? "").trim(),
        scope: form.get("scope") as TokenScope,
        ...(days > 0 ? { expiresInDays: days } : {}),
      },
      {
        onSuccess: (token) => {
          formEl.reset();
          onCreated(token);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 px-4 py-4" aria-label="Create API token">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Token name"
          name="name"
          required
          maxLength={80}
          placeholder="e.g. Grafana, backup script"
          error={errors.fields.name}
        />
        <SelectField
          label="Expires"
          name="expiresInDays"
          defaultValue="90"
          error={errors.fields.expiresInDays}
        >
          <option value="0">Never</option>
          <option value="30">In 30 days</option>
          <option value="90">In 90 days</option>
          <option value="365">In 365 days</option>
        </SelectField>
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">Access</legend>
        <Choice
          type="radio"
          name="scope"
          value="read"
          defaultChecked
          label="Read-only"
          hint="Can read devices, readings and alerts."
        />
        <Choice
          type="radio"
          name="scope"
          value="write"
          label="Read-write"
          hint="Can also change things, with your permissions."
        />
      </fieldset>
      {errors.message && <Notice>{errors.message}</Notice>}
      <Button type="submit" variant="primary" busy={create.isPending}>
        Create token
      </Button>
    </form>
  );
}
