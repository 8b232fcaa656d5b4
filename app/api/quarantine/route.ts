import { z } from "zod";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { listQuarantine } from "@/lib/server/db/queries/quarantine";
import { forbidden } from "@/lib/server/http/errors";
import { queryParams, route } from "@/lib/server/http/route";
import { quarantineFilter } from "@/lib/domain/quarantine/filter";
import { toQuarantinePageView } from "@/lib/server/quarantine/view";

export const dynamic = "force-dynamic";

const page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Messages that could not be used, newest first: `?device&reason&from&to&state&page&pageSize`. */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  if (!canAnywhere(viewer, "quarantine.read")) throw forbidden();
  const params = queryParams(req);
  const filter = quarantineFilter.parse(params);
  const p = page.parse(params);
  const result = await listQuarantine(
    getDb().sql,
    scopeFor(viewer, "quarantine.read"),
    filter,
    p.page,
    p.pageSize,
  );
  return Response.json(toQuarantinePageView(result, p));
});
