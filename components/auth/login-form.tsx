"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { safeCallbackPath } from "./safe-redirect";
import { AuthCard } from "./auth-card";

const INPUT =
  "block w-full rounded-md border border-border bg-surface px-3 py-2 text-sm shadow-xs outline-none placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/30";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? "").trim(),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(safeCallbackPath(callbackUrl, window.location.origin));
        router.refresh();
        return; // keep the spinner until the next page replaces this one
      }
      setError(signInErrorMessage(result?.error, result?.status));
    } catch {
      setError("Can't reach Fieldwatch. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <AuthCard>
      <h1 className="text-lg font-semibold">Sign in</h1>
      <p className="mt-1 text-muted">Watch your devices live, wherever you are.</p>
      <form onSubmit={onSubmit} className="mt-6 space-y-4">
        <div className="space-y-1.5">
          <label htmlFor="email" className="block font-medium">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            className={INPUT}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="password" className="block font-medium">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={INPUT}
          />
        </div>
        {error && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
          >
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" className="w-full" busy={pending}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}

function signInErrorMessage(error: string | null | undefined, status: number | undefined): string {
  if (status === 429 || error === "RateLimited")
    return "Too many failed sign-ins for this account. Wait a minute, then try again.";
  if (!error || error === "CredentialsSignin") return "Wrong email or password.";
  return "Sign-in failed on the server. Try again in a moment.";
}
