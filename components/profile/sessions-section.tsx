"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { sendJson } from "../api/send-json";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";

/** "Sign out everywhere": for a lost phone or a shared computer left signed in. */
export function SessionsSection() {
  const [open, setOpen] = useState(false);
  const end = useMutation({
    mutationFn: () => sendJson<null>("/api/profile/sessions", "DELETE"),
    // This browser's session ended too: clear its cookie and go to the sign-in page.
    onSuccess: () => void signOut({ callbackUrl: "/login" }),
  });
  return (
    <Card>
      <CardHeader title="Sessions" />
      <div className="space-y-3 px-4 py-4">
        <p className="text-sm text-muted">
          Signs you out in every browser and on every device, this one included. Your API tokens keep working;
          revoke them below.
        </p>
        <Button onClick={() => setOpen(true)}>Sign out everywhere</Button>
      </div>
      <ConfirmDialog
        open={open}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        onConfirm={() => end.mutate()}
        onClose={() => setOpen(false)}
        pending={end.isPending}
        error={end.error ? errorMessage(end.error) : undefined}
      >
        Every session of yours ends now, including this one; you will sign in again.
      </ConfirmDialog>
    </Card>
  );
}
