import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

// ~49,000 of the most used passwords (from zxcvbn's common dictionary), compared case-insensitively.
let common: Set<string> | undefined;
const commonPasswords = () =>
  (common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())));

/** Null when acceptable, else a sentence to show next to the field. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "This is one of the most common passwords; choose another.";
  if (/^(.)\1+$/.test(password)) return "Don't repeat a single character.";
  if (email && lower.includes(email.toLowerCase().split("@")[0] ?? "\u0000"))
    return "Don't build the password from your email address.";
  return null;
}
