"use client";

import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EditUserDialog } from "./edit-user-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import type { UserView } from "@/lib/server/users/view";
import type { UserAdminContext } from "./types";
import { useUpdateUser } from "./use-users";

type Open = "edit" | "reset" | "disable" | null;

/** Edit, Reset password and Disable/Enable for one user (not the last two on yourself: the server refuses disabling you too). */
export function UserActions({ user, context }: { user: UserView; context: UserAdminContext }) {
  const [open, setOpen] = useState<Open>(null);
  const toggle = useUpdateUser(user.id);
  const self = user.id === context.viewerId;
  const close = () => {
    toggle.reset();
    setOpen(null);
  };

  return (
    <div className="flex flex-wrap gap-2 md:justify-end">
      <Button className="px-2.5 py-1.5" onClick={() => setOpen("edit")}>
        Edit
      </Button>
      {/* Your own password is changed on the profile page; a link would lock you out of your current one. */}
      {!self && (
        <Button className="px-2.5 py-1.5" onClick={() => setOpen("reset")}>
          Reset password
        </Button>
      )}
      {!self &&
        (user.disabled ? (
          <Button
            className="px-2.5 py-1.5"
            disabled={toggle.isPending}
            onClick={() => toggle.mutate({ disabled: false })}
          >
            Enable
          </Button>
        ) : (
          <Button className="px-2.5 py-1.5" onClick={() => setOpen("disable")}>
            Disable
          </Button>
        ))}
      {toggle.error && open === null && (
        <p className="basis-full text-xs text-danger">{errorMessage(toggle.error)}</p>
      )}
      {open === "edit" && <EditUserDialog user={user} context={context} onClose={close} />}
      {open === "reset" && <ResetPasswordDialog user={user} onClose={close} />}
      <ConfirmDialog
        open={open === "disable"}
        title={`Disable ${user.name}?`}
        confirmLabel="Disable user"
        onConfirm={() => toggle.mutate({ disabled: true }, { onSuccess: close })}
        onClose={close}
        pending={toggle.isPending}
        error={toggle.error ? errorMessage(toggle.error) : null}
        danger
      >
        <p>
          They are signed out at once and can&apos;t sign in or use their API tokens until you enable them
          again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
