"use client";

import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { GlobalAdminCheckbox } from "./global-admin-checkbox";
import { RolePicker, choiceFromGrants, grantsFromChoice } from "./role-picker";
import { formErrors, NO_ERRORS } from "@/components/api/send-json";
import type { UserView } from "@/lib/server/users/view";
import type { UserAdminContext } from "./types";
import { useUpdateUser, type UserPatch } from "./use-users";

const FIELDS = ["name", "roles", "isAdmin"] as const;

/** Rename a user and change their roles (on the sites this admin manages) and, for global admins, their global admin rights. */
export function EditUserDialog({
  user,
  context,
  onClose,
}: {
  user: UserView;
  context: UserAdminContext;
  onClose: () => void;
}) {
  const update = useUpdateUser(user.id);
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState(() => choiceFromGrants(user.roles));
  const [isAdmin, setIsAdmin] = useState(user.isAdmin);
  const errors = update.error ? formErrors(update.error, FIELDS) : NO_ERRORS;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch: UserPatch = { roles: grantsFromChoice(context.sites, roles) };
    if (name.trim() !== user.name) patch.name = name.trim();
    if (context.viewerIsAdmin && isAdmin !== user.isAdmin) patch.isAdmin = isAdmin;
    update.mutate(patch, { onSuccess: onClose });
  }

  return (
    <Dialog open onClose={onClose} title={`Edit ${user.name}`}>
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Edit user">
        <p className="truncate text-muted">{user.email}</p>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={120}
          error={errors.fields.name}
        />
        <RolePicker sites={context.sites} value={roles} onChange={setRoles} error={errors.fields.roles} />
        {context.viewerIsAdmin && (
          <GlobalAdminCheckbox
            checked={isAdmin}
            onChange={setIsAdmin}
            disabled={user.id === context.viewerId}
            error={errors.fields.isAdmin}
          />
        )}
        {errors.message && <Notice>{errors.message}</Notice>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={update.isPending}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
