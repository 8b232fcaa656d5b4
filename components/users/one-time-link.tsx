import { CopyField } from "../ui/copy-field";
import { Notice } from "../ui/notice";

/** The set-password link, shown once: the admin copies it and hands it over themselves. */
export function OneTimeLink({ url, email }: { url: string; email: string }) {
  return (
    <div className="space-y-3" data-testid="one-time-link">
      <Notice tone="info">
        <p className="font-medium">Copy this link now: it is shown only once.</p>
        <p className="mt-1">
          Send it to <strong>{email}</strong> yourself. It works once, for 7 days, to choose a password. Lost
          it? Use “Reset password” to issue a new one.
        </p>
      </Notice>
      <CopyField label="One-time link" value={url} testId="set-password-url" />
    </div>
  );
}
