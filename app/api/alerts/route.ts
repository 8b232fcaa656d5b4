import { z } from "zod";
import { scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { listAlerts, toAlertView } from "@/lib/server/db/queries/alerts";
import { queryParams, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

const filters = z.object({
  state: z.enum(["active", "history"]).default("active"),
  severity: z.enum(["info", "warning", "critical"]).optional(),
  site: z.string().max(100).optional(),
  device: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Active alerts (or the history) on the devices the caller can see. */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const items = await listAlerts(
    getDb().sql,
    scopeFor(viewer, "device.read"),
    filters.parse(queryParams(req)),
  );
  return Response.json({ items: items.map(toAlertView) });
});
