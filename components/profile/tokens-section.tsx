"use client";

import { useState } from "react";
import { errorMessage } from "../api/fetch-json";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Skeleton } from "../ui/skeleton";
import { NewToken } from "./new-token";
import { TokenCreateForm } from "./token-create-form";
import { TokenList } from "./token-list";
import type { ApiTokenView, CreatedTokenView } from "@/lib/server/db/queries/api-tokens";
import { useRevokeToken, useTokens } from "./use-tokens";

/** Personal API tokens: the list (with Revoke, after a confirmation), a new token's secret once, and the form for another. */
export function TokensSection() {
  const { data, error, isPending } = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedTokenView | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const closeRevoke = () => {
    revoke.reset();
    setRevoking(null);
  };

  let body;
  if (isPending) {
    body = (
      <div role="status" aria-label="Loading tokens" className="space-y-2 p-4">
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-4 w-1/2" />
      </div>
    );
  } else if (error && !data)
    body = (
      <p role="alert" className="px-4 py-6 text-danger">
        Couldn&apos;t load your tokens: {errorMessage(error)}
      </p>
    );
  else if (data?.items.length === 0) body = <p className="px-4 py-6 text-muted">You have no API tokens.</p>;
  else if (data) body = <TokenList tokens={data.items} onRevoke={setRevoking} />;

  return (
    <Card className="overflow-hidden">
      <CardHeader title="API tokens" />
      <p className="px-4 pt-3 text-muted">
        For scripts and integrations: send a token as{" "}
        <code className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">
          Authorization: Bearer …
        </code>
        . It acts with your permissions.
      </p>
      {created && <NewToken token={created} onDone={() => setCreated(null)} />}
      <div className="border-b border-border">{body}</div>
      <h3 className="px-4 pt-4 font-semibold">Create a token</h3>
      <TokenCreateForm onCreated={setCreated} />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke token"
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              if (created?.id === revoking.id) setCreated(null);
              closeRevoke();
            },
          })
        }
        onClose={closeRevoke}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        danger
      >
        <p>Anything using this token stops working at once. This can&apos;t be undone.</p>
      </ConfirmDialog>
    </Card>
  );
}
