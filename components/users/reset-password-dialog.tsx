"use client";

import { errorMessage } from "../api/fetch-json";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Dialog, DoneButton } from "../ui/dialog";
import { OneTimeLink } from "./one-time-link";
import type { UserView } from "@/lib/server/users/view";
import { useUpdateUser } from "./use-users";

/** Confirm, then issue a new one-time link (the old password stops working) and show it once. */
export function ResetPasswordDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const update = useUpdateUser(user.id);
  const url = update.data?.setPasswordUrl;
  if (url) {
    return (
      <Dialog open onClose={onClose} title={`New password link for ${user.name}`}>
        <div className="space-y-4">
          <OneTimeLink url={url} email={user.email} />
          <DoneButton onClick={onClose} />
        </div>
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      open
      title={`Reset the password of ${user.name}?`}
      confirmLabel="Reset password"
      onConfirm={() => update.mutate({ resetLink: true })}
      onClose={onClose}
      pending={update.isPending}
      error={update.error ? errorMessage(update.error) : null}
      danger
    >
      <p>
        Their current password stops working at once. You get a one-time link to pass on to{" "}
        <strong className="text-foreground">{user.email}</strong>, valid for 7 days, to choose a new one.
      </p>
    </ConfirmDialog>
  );
}
