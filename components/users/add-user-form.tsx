"use client";

import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Choice } from "../ui/choice";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { GlobalAdminCheckbox } from "./global-admin-checkbox";
import { RolePicker, grantsFromChoice, type RoleChoice } from "./role-picker";
import { formErrors, NO_ERRORS } from "@/components/api/send-json";
import type { UserResultView } from "@/lib/server/users/view";
import type { UserAdminContext } from "./types";
import { useCreateUser } from "./use-users";

const FIELDS = ["email", "name", "password", "roles", "isAdmin"] as const;

/** The "Add user" form: who, their roles, and how they get a password. Reports the created user (and link) upwards. */
export function AddUserForm({
  context,
  onCreated,
}: {
  context: UserAdminContext;
  onCreated: (result: UserResultView & { email: string }) => void;
}) {
  const create = useCreateUser();
  const [roles, setRoles] = useState<RoleChoice>({});
  const [isAdmin, setIsAdmin] = useState(false);
  const [method, setMethod] = useState<"link" | "password">("link");
  const errors = create.error ? formErrors(create.error, FIELDS) : NO_ERRORS;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    create.mutate(
      {
        email,
        name: String(form.get("name") ?? "").trim(),
        roles: grantsFromChoice(context.sites, roles),
        ...(method === "password" ? { password: String(form.get("password") ?? "") } : {}),
        ...(context.viewerIsAdmin ? { isAdmin } : {}),
      },
      { onSuccess: (result) => onCreated({ ...result, email }) },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Add user">
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        data-autofocus
        error={errors.fields.email}
      />
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        required
        maxLength={120}
        error={errors.fields.name}
      />
      <RolePicker sites={context.sites} value={roles} onChange={setRoles} error={errors.fields.roles} />
      {context.viewerIsAdmin && (
        <GlobalAdminCheckbox checked={isAdmin} onChange={setIsAdmin} error={errors.fields.isAdmin} />
      )}
      <fieldset className="space-y-2">
        <legend className="font-medium">Password</legend>
        {(
          [
            ["link", "Send a one-time link", "You get a link to pass on; they choose their own password."],
            ["password", "Set a password", "You choose it and tell them."],
          ] as const
        ).map(([value, label, hint]) => (
          <Choice
            key={value}
            type="radio"
            name="method"
            value={value}
            label={label}
            hint={hint}
            checked={method === value}
            onChange={() => setMethod(value)}
          />
        ))}
      </fieldset>
      {method === "password" && (
        <TextField
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          hint="At least 12 characters; common passwords are refused."
          error={errors.fields.password}
        />
      )}
      {errors.message && <Notice>{errors.message}</Notice>}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Add user
        </Button>
      </div>
    </form>
  );
}
