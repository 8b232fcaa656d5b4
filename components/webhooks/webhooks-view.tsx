"use client";

import { errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Skeleton } from "../ui/skeleton";
import { AddWebhookDialog } from "./add-webhook-dialog";
import type { WebhookSite } from "./types";
import { useWebhooks } from "./use-webhooks";
import { WebhookCard } from "./webhook-card";

/** The webhooks screen for site admins: endpoints, their health, tests and delivery logs. */
export function WebhooksView({ sites }: { sites: WebhookSite[] }) {
  const { data, error, isPending, refetch } = useWebhooks();
  let body;
  if (isPending) body = <Skeleton className="h-32 w-full" />;
  else if (error && !data) {
    body = (
      <Card role="alert" className="px-6 py-12 text-center">
        <p className="font-semibold text-danger">Couldn&apos;t load webhooks</p>
        <p className="mt-1 text-muted">{errorMessage(error)}</p>
        <Button className="mt-4" onClick={() => refetch()}>
          Try again
        </Button>
      </Card>
    );
  } else if (data?.items.length === 0) {
    body = (
      <Card className="px-6 py-16 text-center">
        <p className="text-base font-semibold">No endpoints yet</p>
        <p className="mt-2 text-muted">
          Add one, then name it in an alert rule to be called when the rule fires and resolves.
        </p>
      </Card>
    );
  } else if (data) body = data.items.map((hook) => <WebhookCard key={hook.id} hook={hook} />);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Webhooks</h1>
          <p className="text-muted">Signed HTTP calls (Standard Webhooks) when alerts fire and resolve.</p>
        </div>
        <AddWebhookDialog sites={sites} />
      </div>
      {body}
    </div>
  );
}
