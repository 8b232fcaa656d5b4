import type { AttemptReport } from "./deliver";

/** What a test send or a redeliver answers: the delivery, and how the attempt just made went. */
export type AttemptView = { deliveryId: string } & AttemptReport;

export function toAttemptView(deliveryId: string, report: AttemptReport): AttemptView {
  // Spread, not listed: the report's fields keep the order they have always been sent in.
  return { deliveryId, ...report };
}
