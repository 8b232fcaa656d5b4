"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../api/fetch-json";
import { FormRequestError, sendJson } from "../api/send-json";
import { queryKeys } from "../api/keys";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { MetricRows } from "./metric-rows";
import type { DeviceTypeView } from "@/lib/server/db/queries/device-types";
import { fromDraft, toDraft, type MetricDraft } from "./types";

/** Adds a type, or edits one (its slug stays). A change of range applies to new readings within seconds. */
export function TypeForm({ type, onDone }: { type?: DeviceTypeView; onDone: () => void }) {
  const client = useQueryClient();
  const [rows, setRows] = useState<MetricDraft[]>(() => (type?.metrics ?? []).map(toDraft));
  const save = useMutation({
    mutationFn: (body: object) =>
      type
        ? sendJson(`/api/device-types/${encodeURIComponent(type.slug)}`, "PATCH", body)
        : sendJson("/api/device-types", "POST", body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.deviceTypes() });
      onDone();
    },
  });
  const fields = save.error instanceof FormRequestError ? save.error.fields : {};
  const general = save.error && Object.keys(fields).length === 0 ? errorMessage(save.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const timeout = String(form.get("inactivityTimeoutS") ?? "").trim();
    save.mutate({
      ...(type ? {} : { slug: String(form.get("slug") ?? "").trim() }),
      name: String(form.get("name") ?? "").trim(),
      ...(timeout ? { inactivityTimeoutS: Number(timeout) } : {}),
      metrics: rows.map(fromDraft),
    });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4"
      aria-label={type ? "Edit device type" : "Add device type"}
      noValidate
    >
      {!type && (
        <TextField
          label="Slug"
          name="slug"
          required
          data-autofocus
          placeholder="soil-probe"
          hint="Its id in the API and in CSV imports; can't be changed."
          error={fields.slug}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          required
          defaultValue={type?.name}
          data-autofocus={type ? true : undefined}
          error={fields.name}
        />
        <TextField
          label="Inactivity timeout (seconds)"
          name="inactivityTimeoutS"
          type="number"
          min={10}
          defaultValue={type?.inactivityTimeoutS ?? 300}
          error={fields.inactivityTimeoutS}
        />
      </div>
      <MetricRows rows={rows} onChange={setRows} errors={fields} />
      {general && <Notice>{general}</Notice>}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {type ? "Save" : "Add type"}
        </Button>
      </div>
    </form>
  );
}
