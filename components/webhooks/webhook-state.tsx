import { Badge } from "../ui/badge";
import type { WebhookView } from "@/lib/server/db/queries/webhooks-admin";

/** Active, paused by the circuit breaker, or disabled (by hand, or by a 410 Gone) — with why. */
export function WebhookState({ hook }: { hook: WebhookView }) {
  if (hook.state === "active") return <Badge tone="ok">Active</Badge>;
  if (hook.state === "paused") return <Badge tone="danger">Paused</Badge>;
  return <Badge>Disabled</Badge>;
}

export function stateReason(hook: WebhookView): string | null {
  if (hook.state === "paused")
    return `Paused: ${hook.pausedReason ?? "failing"}. Deliveries wait; resume, or send a test that succeeds.`;
  if (hook.state === "disabled")
    return hook.disabledReason
      ? `Disabled: ${hook.disabledReason}. Enable it once the receiver is back.`
      : "Disabled by an admin.";
  return null;
}
