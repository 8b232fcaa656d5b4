"use client";

import { Button } from "../ui/button";
import { CopyField } from "../ui/copy-field";
import { Notice } from "../ui/notice";
import type { CreatedTokenView } from "@/lib/server/db/queries/api-tokens";
import { SCOPE_LABEL } from "./use-tokens";

/** The new token's secret, shown this once, with a request to try it with. */
export function NewToken({ token, onDone }: { token: CreatedTokenView; onDone: () => void }) {
  const curl = `curl -H "Authorization: Bearer ${token.token}" ${window.location.origin}/api/devices`;
  return (
    <div className="space-y-3 border-b border-border px-4 py-4" data-testid="new-token">
      <Notice tone="info">
        <p className="font-medium">Copy your new token now: it is shown only once.</p>
        <p className="mt-1">
          “{token.name}” is {SCOPE_LABEL[token.scope].toLowerCase()}. Fieldwatch keeps only a fingerprint of
          it; if you lose it, revoke it and create another.
        </p>
      </Notice>
      <CopyField label="API token" value={token.token} testId="new-token-secret" />
      <CopyField label="Example request" value={curl} testId="new-token-curl" />
      <Button onClick={onDone}>Done</Button>
    </div>
  );
}
