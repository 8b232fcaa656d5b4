import { alertRuleInput } from "@/lib/domain/alerts/rule-input";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { previewRule } from "@/lib/server/db/queries/alert-preview";
import { requireEditableScope } from "@/lib/server/http/alert-rule-access";
import { jsonBody, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Before saving: how often this rule would have fired over the last 7 days, and when. Writes nothing. */
export const POST = route(async (req) => {
  const viewer = await authenticate(req);
  const input = await jsonBody(req, alertRuleInput);
  const { sql } = getDb();
  const scope = await requireEditableScope(sql, viewer, input);
  return Response.json(await previewRule(sql, input, scope));
});
