import { TextField } from "../ui/field";

/** "New password" and "Confirm password", shared by the profile form and the set-password page. */
export function NewPasswordFields({
  name = "newPassword",
  error,
  confirmError,
}: {
  name?: string;
  error?: string;
  confirmError?: string;
}) {
  return (
    <>
      <TextField
        label="New password"
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint="At least 12 characters. Common passwords are refused; a few unrelated words make a good one."
        error={error}
      />
      <TextField
        label="Confirm password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={confirmError}
      />
    </>
  );
}

/** The browser-side check: null when both entries agree. */
export function confirmProblem(form: FormData, name = "newPassword"): string | null {
  return form.get(name) === form.get("confirmPassword") ? null : "The two passwords don't match.";
}
