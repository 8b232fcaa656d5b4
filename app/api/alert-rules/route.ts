import { audit } from "@/lib/server/audit";
import { alertRuleInput } from "@/lib/domain/alerts/rule-input";
import { clientAddress } from "@/lib/server/auth/origin";
import { scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { insertRule, listRules, toAlertRuleView } from "@/lib/server/db/queries/alert-rules-admin";
import { requireEditableScope } from "@/lib/server/http/alert-rule-access";
import { requireRuleWebhooks } from "@/lib/server/http/webhook-access";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** The alert rules of the sites the caller can see. */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  return Response.json({
    items: (await listRules(getDb().sql, scopeFor(viewer, "device.read"))).map(toAlertRuleView),
  });
});

/** Operators and admins add rules to their sites. */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  const input = await jsonBody(req, alertRuleInput);
  const { sql } = getDb();
  const scope = await requireEditableScope(sql, viewer, input);
  if (input.webhooks) input.webhooks = await requireRuleWebhooks(sql, input.webhooks, scope.siteId);
  const id = await insertRule(sql, input, scope, viewer.id);
  await audit(sql, {
    action: "alert_rule.create",
    actor: viewer,
    target: { type: "alert_rule", id },
    siteId: scope.siteId,
    ip: clientAddress(req.headers),
    details: input,
  });
  const [rule] = await listRules(sql, { all: true }, id);
  return Response.json(toAlertRuleView(rule!), { status: 201 });
});
