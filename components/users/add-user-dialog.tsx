"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog, DoneButton } from "../ui/dialog";
import { Notice } from "../ui/notice";
import { AddUserForm } from "./add-user-form";
import { OneTimeLink } from "./one-time-link";
import type { UserResultView } from "@/lib/server/users/view";
import type { UserAdminContext } from "./types";

type Created = UserResultView & { email: string };

/** The "Add user" button and its dialog: the form, then what happened (and the one-time link, once). */
export function AddUserDialog({ context }: { context: UserAdminContext }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const close = () => {
    setOpen(false);
    setCreated(null);
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Add user
      </Button>
      <Dialog open={open} onClose={close} title={created ? "User added" : "Add user"}>
        {created ? (
          <div className="space-y-4">
            <Notice tone="ok">
              Added <strong>{created.user?.name ?? created.email}</strong> ({created.email}).
              {!created.setPasswordUrl && " They can sign in with the password you set."}
            </Notice>
            {created.setPasswordUrl && <OneTimeLink url={created.setPasswordUrl} email={created.email} />}
            <DoneButton onClick={close} />
          </div>
        ) : (
          <AddUserForm context={context} onCreated={setCreated} />
        )}
      </Dialog>
    </>
  );
}
