"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { formErrors, NO_ERRORS, sendJson } from "@/components/api/send-json";
import { confirmProblem, NewPasswordFields } from "./new-password-fields";

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Change your own password: the current one again, the new one twice (compared here before anything is sent). */
export function PasswordForm() {
  const [mismatch, setMismatch] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      sendJson<null>("/api/profile/password", "POST", body),
  });
  const errors = change.error ? formErrors(change.error, FIELDS) : NO_ERRORS;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const problem = confirmProblem(form);
    setMismatch(problem);
    if (problem) return change.reset();
    change.mutate(
      {
        currentPassword: String(form.get("currentPassword") ?? ""),
        newPassword: String(form.get("newPassword") ?? ""),
      },
      { onSuccess: () => formEl.reset() },
    );
  }

  return (
    <Card>
      <CardHeader title="Change password" />
      <form onSubmit={onSubmit} className="max-w-md space-y-4 px-4 py-4" aria-label="Change password">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.currentPassword}
        />
        <NewPasswordFields error={errors.fields.newPassword} confirmError={mismatch ?? undefined} />
        {errors.message && <Notice>{errors.message}</Notice>}
        {change.isSuccess && (
          <Notice tone="ok">Your password has been changed. Your other sessions are signed out.</Notice>
        )}
        <Button type="submit" variant="primary" busy={change.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
