import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { queryKeys } from "../api/keys";
import type { DeliveryView } from "@/lib/server/db/queries/webhook-deliveries";
import type { WebhookView } from "@/lib/server/db/queries/webhooks-admin";
import { WebhooksView } from "./webhooks-view";
import { DeliveryLog } from "./delivery-log";

// Server-rendered text with the cache filled: proves the page renders each state and says why.
const base: WebhookView = {
  id: "w1",
  siteId: "s",
  site: { slug: "farm", name: "Farm" },
  name: "Pager",
  url: "https://hooks.example.com/a",
  state: "active",
  enabled: true,
  pausedAt: null,
  pausedReason: null,
  disabledReason: null,
  pending: 2,
  failed: 1,
  lastDeliveryAt: null,
  createdAt: "2026-12-01T10:00:00Z",
};

function text(
  items: WebhookView[],
  deliveries: DeliveryView[] = [],
  view: ReactElement = h(WebhooksView, { sites: [{ slug: "farm", name: "Farm" }] }),
): string {
  const qc = new QueryClient();
  qc.setQueryData(queryKeys.webhooks(), { items });
  qc.setQueryData(queryKeys.webhookDeliveries("w1"), { items: deliveries });
  return renderToString(h(QueryClientProvider, { client: qc }, view))
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describe("webhooks page", () => {
  it("lists endpoints with their state and the reason for a pause or a 410", () => {
    const out = text([
      base,
      {
        ...base,
        id: "w2",
        name: "Flaky",
        state: "paused",
        pausedReason: "failing since 2026-12-01 10:00:00 UTC: 5 failed attempts in a row (last: HTTP 500)",
      },
      {
        ...base,
        id: "w3",
        name: "Gone",
        state: "disabled",
        enabled: false,
        disabledReason: "the endpoint answered 410 Gone at 2026-12-01T11:00:00Z",
      },
    ]);
    expect(out).toContain("Pager Active");
    expect(out).toContain("2 waiting · 1 failed");
    expect(out).toContain("Flaky Paused");
    expect(out).toContain("5 failed attempts in a row (last: HTTP 500)");
    expect(out).toContain("Resume");
    expect(out).toContain("Gone Disabled");
    expect(out).toContain("410 Gone");
    expect(out).toContain("Enable");
    expect(out.match(/Send test/g)).toHaveLength(3);
  });

  it("says what to do when there are none", () => {
    expect(text([])).toContain("No endpoints yet");
  });

  it("shows each delivery's status, last answer, attempts and a Redeliver button", () => {
    const delivery: DeliveryView = {
      id: "d1",
      messageId: "msg_1",
      eventType: "alert.firing",
      status: "failed",
      attempts: 8,
      nextAttemptAt: null,
      lastStatusCode: 503,
      lastError: null,
      lastDurationMs: 1250,
      createdAt: "2026-12-01T10:00:00Z",
      deliveredAt: null,
      payload: {},
      log: [],
    };
    const out = text(
      [base],
      [
        delivery,
        { ...delivery, id: "d2", status: "delivered", attempts: 1, lastStatusCode: 204, lastDurationMs: 80 },
      ],
      h(DeliveryLog, { webhookId: "w1" }),
    );
    expect(out).toContain("failed (dead letter) alert.firing");
    expect(out).toContain("8 attempts · last HTTP 503 in 1.3 s");
    expect(out).toContain("1 attempt · last HTTP 204 in 80 ms");
    expect(out.match(/Redeliver/g)).toHaveLength(2);
  });
});
