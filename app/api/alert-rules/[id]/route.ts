import { audit } from "@/lib/server/audit";
import { alertRuleInput } from "@/lib/domain/alerts/rule-input";
import { clientAddress } from "@/lib/server/auth/origin";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import {
  deleteRule,
  listRules,
  toAlertRuleView,
  updateRule,
} from "@/lib/server/db/queries/alert-rules-admin";
import { requireEditableRule, requireEditableScope } from "@/lib/server/http/alert-rule-access";
import { requireRuleWebhooks } from "@/lib/server/http/webhook-access";
import { ApiError } from "@/lib/server/http/errors";
import { readJsonBody } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Changes any of a rule's fields: the rule as it would then be is checked as a whole. */
export const PATCH = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const {
    siteId,
    id: _id,
    openAlerts: _open,
    disabledReason: _disabledReason,
    createdAt: _created,
    ...current
  } = await requireEditableRule(sql, viewer, id);
  const changes = (await readJsonBody(req)) as Record<string, unknown>;
  // A new scope replaces the old one whole (device, or site and type).
  const scopeChanged = "device" in changes || "site" in changes || "type" in changes;
  const base = scopeChanged ? { ...current, device: undefined, site: undefined, type: undefined } : current;
  const merged = alertRuleInput.parse({ ...base, ...changes });
  const scope = await requireEditableScope(sql, viewer, merged);
  // Its device moved to another site: the rule stays this site's, and can't follow it there.
  if (!scopeChanged && merged.device && scope.siteId !== siteId)
    throw new ApiError(
      422,
      "invalid_reference",
      `device "${merged.device}" is no longer at this rule's site`,
      {
        device: `device "${merged.device}" is no longer at this rule's site; delete the rule or point it at another device`,
      },
    );
  if (merged.webhooks) merged.webhooks = await requireRuleWebhooks(sql, merged.webhooks, scope.siteId);
  await updateRule(sql, id, merged, scope);
  await audit(sql, {
    action: "alert_rule.update",
    actor: viewer,
    target: { type: "alert_rule", id },
    siteId: scope.siteId,
    ip: clientAddress(req.headers),
    details: changes,
  });
  const [rule] = await listRules(sql, { all: true }, id);
  return Response.json(toAlertRuleView(rule!));
});

export const DELETE = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authenticate(req, { write: true });
  const { sql } = getDb();
  const rule = await requireEditableRule(sql, viewer, id);
  await deleteRule(sql, id);
  await audit(sql, {
    action: "alert_rule.delete",
    actor: viewer,
    target: { type: "alert_rule", id },
    siteId: rule.siteId,
    ip: clientAddress(req.headers),
    details: { name: rule.name },
  });
  return new Response(null, { status: 204 });
});
