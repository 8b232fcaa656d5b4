import type { Principal } from "../auth/principal";
import { isUuid } from "../../domain/ids";
import { can, scopeFor } from "../auth/permissions";
import type { Sql } from "../db/connect";
import { listWebhooks, webhooksOfSite } from "../db/queries/webhooks-admin";
import { loadEnv } from "../env";
import { resolveTarget, TargetRefused } from "../webhooks/target";
import { ApiError, forbidden, notFound } from "./errors";

export const ADMINS_ONLY = "Admins of the site manage its webhooks.";

/** An endpoint the caller may see (404 otherwise: unknown and other sites' read alike) and manage (403). */
export async function requireManageableWebhook(sql: Sql, viewer: Principal, id: string) {
  const [hook] = isUuid(id) ? await listWebhooks(sql, scopeFor(viewer, "device.read"), id) : [];
  if (!hook) throw notFound("webhook");
  if (!can(viewer, "webhook.manage", hook.siteId)) throw forbidden(ADMINS_ONLY);
  return hook;
}

/** 422 on `url` when it points into our own network (or doesn't resolve); WEBHOOK_ALLOW_PRIVATE lifts the first. */
export async function requireSafeUrl(
  url: string,
  allowPrivate = loadEnv().WEBHOOK_ALLOW_PRIVATE,
): Promise<void> {
  try {
    await resolveTarget(url, allowPrivate);
  } catch (err) {
    if (!(err instanceof TargetRefused)) throw err;
    throw new ApiError(422, "url_refused", err.message, { url: err.message });
  }
}

/** A rule's webhooks must be endpoints of the rule's site: 422 on `webhooks` naming the first unknown one. */
export async function requireRuleWebhooks(sql: Sql, ids: string[], siteId: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  const known = new Set(await webhooksOfSite(sql, siteId, unique));
  const unknown = unique.find((id) => !known.has(id));
  if (unknown)
    throw new ApiError(422, "invalid_reference", `no webhook "${unknown}" in the rule's site`, {
      webhooks: `no webhook "${unknown}" in the rule's site`,
    });
  return unique;
}
