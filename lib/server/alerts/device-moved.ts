import type { Tx } from "../db/connect";
import { disableRulesLeftBehind } from "../db/queries/alert-rules-admin";
import { closeAlertsElsewhere, forgetStates } from "../db/queries/alert-states";
import { enqueueAlertNotifications } from "../db/queries/webhook-outbox";

/**
 * What a device leaves behind when it moves to `siteId`, in the move's transaction: its old
 * site's rules stop seeing it (device rules switched off as "device_moved"; its evaluation state
 * is forgotten, so the new site's rules start afresh), and that site's open episodes are
 * closed, their webhooks told "resolved" — the last they hear of it. Its readings from now on
 * are the new site's alone. Locks in the evaluators' order (states, then episodes), so a batch
 * being evaluated just waits.
 */
export async function leaveOldSites(tx: Tx, deviceId: string, siteId: string) {
  await forgetStates(tx, deviceId);
  const closed = await closeAlertsElsewhere(tx, deviceId);
  for (const event of closed) await enqueueAlertNotifications(tx, event);
  const disabledRules = await disableRulesLeftBehind(tx, deviceId, siteId);
  return { closedAlerts: closed.map((e) => e.alertId), disabledRules };
}
