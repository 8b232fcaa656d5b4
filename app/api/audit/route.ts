import { z } from "zod";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { listAudit, toAuditEntryView } from "@/lib/server/db/queries/audit-log";
import { forbidden } from "@/lib/server/http/errors";
import { toPageView } from "@/lib/server/http/page";
import { queryParams, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

const auditQuery = z.object({
  action: z.string().max(60).optional(),
  actor: z.string().max(200).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  if (!canAnywhere(viewer, "audit.read")) throw forbidden();
  const q = auditQuery.parse(queryParams(req));
  const { items, total } = await listAudit(getDb().sql, scopeFor(viewer, "audit.read"), q);
  return Response.json(toPageView(items.map(toAuditEntryView), total, q));
});
