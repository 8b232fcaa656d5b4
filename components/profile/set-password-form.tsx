"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ApiRequestError } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { formErrors, NO_ERRORS, sendJson } from "@/components/api/send-json";
import { confirmProblem, NewPasswordFields } from "./new-password-fields";
import { AuthCard } from "../auth/auth-card";

const LINK = "font-medium text-accent hover:underline";

/** The public page a one-time link opens: choose a password, then sign in. */
export function SetPasswordForm({ token }: { token: string }) {
  const [mismatch, setMismatch] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: (password: string) =>
      sendJson<{ email: string }>(`/api/password-links/${encodeURIComponent(token)}`, "POST", { password }),
  });
  const gone = submit.error instanceof ApiRequestError && submit.error.status === 404;
  const errors = submit.error && !gone ? formErrors(submit.error, ["password"]) : NO_ERRORS;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const problem = confirmProblem(form, "password");
    setMismatch(problem);
    if (problem) return submit.reset();
    submit.mutate(String(form.get("password") ?? ""));
  }

  let content;
  if (submit.data) {
    content = (
      <Notice tone="ok">
        <p className="font-medium">Password set for {submit.data.email}</p>
        <p className="mt-1">
          You can now{" "}
          <Link href="/login" className={LINK}>
            sign in
          </Link>{" "}
          with it.
        </p>
      </Notice>
    );
  } else if (gone) {
    content = (
      <Notice>
        <p className="font-medium">This link is no longer valid</p>
        <p className="mt-1">
          It was already used, replaced by a newer one, or is more than 7 days old. Ask an admin for a new
          link.
        </p>
        <Link href="/login" className={`${LINK} mt-2 inline-block`}>
          Go to sign in
        </Link>
      </Notice>
    );
  } else {
    content = (
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Choose a password">
        <NewPasswordFields
          name="password"
          error={errors.fields.password}
          confirmError={mismatch ?? undefined}
        />
        {errors.message && <Notice>{errors.message}</Notice>}
        <Button type="submit" variant="primary" className="w-full" busy={submit.isPending}>
          Set password
        </Button>
      </form>
    );
  }

  return (
    <AuthCard>
      <h1 className="text-lg font-semibold">{submit.data ? "Password set" : "Choose your password"}</h1>
      <p className="mb-6 mt-1 text-muted">
        You&apos;ll use it with your email address to sign in to Fieldwatch.
      </p>
      {content}
    </AuthCard>
  );
}
