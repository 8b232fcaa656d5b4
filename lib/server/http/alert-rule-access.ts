import type { Principal } from "../auth/principal";
import { can, scopeFor, siteStanding } from "../auth/permissions";
import { listRules, resolveRuleScope, type RuleScope } from "../db/queries/alert-rules-admin";
import type { AlertRuleInput } from "../../domain/alerts/rule-input";
import { isUuid } from "../../domain/ids";
import type { Sql } from "../db/connect";
import { ApiError, forbidden, notFound } from "./errors";

/** Where a rule being written applies, if the caller may edit rules there (operators and up). */
export async function requireEditableScope(
  sql: Sql,
  viewer: Principal,
  rule: AlertRuleInput,
): Promise<RuleScope> {
  const scope = await resolveRuleScope(sql, rule);
  // Unknown and not-yours read the same, so the site is judged before anything else is said.
  if (siteStanding(viewer, "rule.edit", scope.siteId ?? null) === "unknown") {
    const field = rule.device ? "device" : "site";
    throw new ApiError(422, "invalid_reference", `no ${field} "${rule.device ?? rule.site}"`, {
      [field]: `no ${field} "${rule.device ?? rule.site}"`,
    });
  }
  if ("field" in scope)
    throw new ApiError(422, "invalid_reference", scope.message, { [scope.field]: scope.message });
  if (!can(viewer, "rule.edit", scope.siteId))
    throw forbidden("Operators and admins of the site edit its alert rules.");
  return scope;
}

/** An existing rule the caller may see (404 otherwise) and edit (403 otherwise). */
export async function requireEditableRule(sql: Sql, viewer: Principal, id: string) {
  const [rule] = isUuid(id) ? await listRules(sql, scopeFor(viewer, "device.read"), id) : [];
  if (!rule) throw notFound("alert rule");
  if (!can(viewer, "rule.edit", rule.siteId))
    throw forbidden("Operators and admins of the site edit its alert rules.");
  return rule;
}
