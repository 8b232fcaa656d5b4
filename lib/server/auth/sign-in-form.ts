import { ApiError } from "../http/errors";

/** What next-auth's signIn() posts to the credentials callback, and nothing else. */
const FIELDS = new Set(["csrfToken", "callbackUrl", "json", "redirect", "email", "password"]);

/** A sign-in form is a few hundred bytes. */
export const SIGN_IN_BODY_LIMIT = 8 * 1024;

/**
 * The credentials form, refused unless every field is one we know and appears once. next-auth
 * keeps the last of a repeated field while a form reader keeps the first: with `email` twice the
 * throttle would count one account and the password be checked against another.
 */
export function parseSignInForm(contentType: string | null, body: string): URLSearchParams {
  if (!contentType?.includes("application/x-www-form-urlencoded"))
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Sign in with a form (application/x-www-form-urlencoded).",
    );
  const form = new URLSearchParams(body);
  const seen = new Set<string>();
  for (const name of form.keys()) {
    if (!FIELDS.has(name)) throw new ApiError(400, "invalid_request", `Unexpected field "${name}".`);
    if (seen.has(name)) throw new ApiError(400, "invalid_request", `The field "${name}" appears twice.`);
    seen.add(name);
  }
  return form;
}

/** The account a sign-in counts against: exactly the email the credentials provider looks up. */
export const signInAccount = (email: string | null | undefined) => (email ?? "").trim().toLowerCase();
