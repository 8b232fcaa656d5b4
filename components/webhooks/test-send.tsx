"use client";

import { errorMessage } from "../api/fetch-json";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { describeAttempt } from "./types";
import { useTestWebhook } from "./use-webhooks";

/** "Send test": a webhook.test event now, its result inline. */
export function TestSend({ id }: { id: string }) {
  const test = useTestWebhook(id);
  const r = test.data;
  return (
    <div className="space-y-2">
      <Button onClick={() => test.mutate()} busy={test.isPending}>
        Send test
      </Button>
      <div aria-live="polite">
        {r && (
          <Notice tone={r.outcome === "delivered" ? "ok" : "danger"}>
            {r.outcome === "delivered" ? "Delivered: " : "Failed: "}
            {describeAttempt(r)}
            {r.outcome === "gone" && " — the endpoint answered 410 Gone and is now disabled."}
          </Notice>
        )}
        {test.error && <Notice>{errorMessage(test.error)}</Notice>}
      </div>
    </div>
  );
}
