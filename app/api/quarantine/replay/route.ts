import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/auth/origin";
import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { countQuarantine } from "@/lib/server/db/queries/quarantine";
import { forbidden } from "@/lib/server/http/errors";
import { jsonBody, route } from "@/lib/server/http/route";
import { quarantineFilter } from "@/lib/domain/quarantine/filter";
import { replayMatching } from "@/lib/server/quarantine/replay";
import { toReplayRunView } from "@/lib/server/quarantine/view";

export const dynamic = "force-dynamic";

const body = z.object({
  filter: quarantineFilter.optional(),
  /** Go on after this row (the `lastId` of the previous call). */
  afterId: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

/**
 * Replay-all for a filter, a slice at a time: replays up to `limit` pending rows after `afterId`
 * and says how many are left, so a client can show progress and call again with `lastId`.
 */
export const POST = route(async (req) => {
  const viewer = await authenticate(req, { write: true });
  if (!canAnywhere(viewer, "quarantine.replay")) throw forbidden();
  const { filter = quarantineFilter.parse({}), afterId, limit } = await jsonBody(req, body);
  const { sql } = getDb();
  const scope = scopeFor(viewer, "quarantine.replay");
  const run = await replayMatching(sql, scope, filter, afterId, limit, viewer.id);
  const remaining = await countQuarantine(sql, scope, { ...filter, state: "pending" }, run.lastId);
  if (run.lastId > afterId) {
    await audit(sql, {
      action: "quarantine.replay_all",
      actor: viewer,
      ip: clientAddress(req.headers),
      details: { filter, replayed: run.replayed, rejected: run.rejected },
    });
  }
  return Response.json(toReplayRunView(run, remaining));
});
