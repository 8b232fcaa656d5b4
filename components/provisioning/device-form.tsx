"use client";

import type { FormEvent, ReactNode } from "react";
import type { FormErrors } from "../api/send-json";
import type { DeviceView } from "@/lib/server/db/queries/devices";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import type { DeviceFields, ProvisioningContext } from "./types";

export const DEVICE_FORM_FIELDS = [
  "key",
  "name",
  "site",
  "type",
  "location",
  "latitude",
  "longitude",
  "inactivityTimeoutS",
] as const;

interface Props {
  context: ProvisioningContext;
  /** Editing: the device as it is (its key can't change). Adding: undefined. */
  device?: DeviceView;
  errors: FormErrors;
  pending: boolean;
  submitLabel: ReactNode;
  onSubmit: (fields: DeviceFields) => void;
}

const numberOrNull = (v: FormDataEntryValue | null) =>
  v === null || String(v).trim() === "" ? null : Number(v);
const textOrNull = (v: FormDataEntryValue | null) =>
  String(v ?? "").trim() === "" ? null : String(v).trim();

/** The fields of a device; the server checks them and its messages show next to each. */
export function DeviceForm({ context, device, errors, pending, submitLabel, onSubmit }: Props) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSubmit({
      ...(device ? {} : { key: String(form.get("key") ?? "").trim() }),
      name: String(form.get("name") ?? "").trim(),
      site: String(form.get("site") ?? ""),
      type: textOrNull(form.get("type")),
      location: textOrNull(form.get("location")),
      latitude: numberOrNull(form.get("latitude")),
      longitude: numberOrNull(form.get("longitude")),
      inactivityTimeoutS: numberOrNull(form.get("inactivityTimeoutS")),
    });
  }
  const e = errors.fields;
  return (
    <form
      onSubmit={submit}
      className="space-y-4"
      aria-label={device ? "Edit device" : "Add device"}
      noValidate
    >
      {!device && (
        <TextField
          label="Key"
          name="key"
          required
          autoComplete="off"
          data-autofocus
          spellCheck={false}
          placeholder="greenhouse-2-soil"
          error={e.key}
          hint="Its MQTT username and the name in its topics; can't be changed later. Lower-case letters, digits, - and _."
        />
      )}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        defaultValue={device?.name}
        data-autofocus={device ? true : undefined}
        error={e.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Site"
          name="site"
          required
          defaultValue={device?.site.slug ?? (context.sites.length === 1 ? context.sites[0]!.slug : "")}
          error={e.site}
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
          defaultValue={device?.type?.slug ?? ""}
          error={e.type}
          hint="Its metrics, units and ranges."
        >
          <option value="">No type</option>
          {context.types.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label="Location"
        name="location"
        maxLength={200}
        defaultValue={device?.location ?? ""}
        placeholder="Greenhouse 2, north wall"
        error={e.location}
      />
      <div className="grid grid-cols-2 gap-4">
        <TextField
          label="Latitude"
          name="latitude"
          type="number"
          step="any"
          min={-90}
          max={90}
          defaultValue={device?.latitude ?? ""}
          error={e.latitude}
        />
        <TextField
          label="Longitude"
          name="longitude"
          type="number"
          step="any"
          min={-180}
          max={180}
          defaultValue={device?.longitude ?? ""}
          error={e.longitude}
        />
      </div>
      <TextField
        label="Inactivity timeout (seconds)"
        name="inactivityTimeoutS"
        type="number"
        min={10}
        step={1}
        defaultValue={device?.inactivityTimeoutS ?? ""}
        placeholder="The type's (5 minutes if none)"
        hint="Silent this long, the device counts as offline."
        error={e.inactivityTimeoutS}
      />
      {errors.message && <Notice>{errors.message}</Notice>}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" busy={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
