import { authenticate, stillSignedIn } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { visibleDeviceKeys } from "@/lib/server/db/queries/devices";
import { ApiError } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";
import { getLiveHub } from "@/lib/server/live/hub";
import { createSseStream } from "@/lib/server/live/sse";
import { getStreamLimit } from "@/lib/server/live/stream-limit";
import { loadEnv } from "@/lib/server/env";
import { scopeFor } from "@/lib/server/auth/permissions";

export const dynamic = "force-dynamic";

/**
 * SSE of `readings`, `status`, `command` and `alert` events for `?devices=k1,k2` (default: every
 * device the caller can see), at most 10 events a second per device (docs/api.md, "Live stream").
 */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const { sql } = getDb();
  const requested = req.nextUrl.searchParams
    .get("devices")
    ?.split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  if (requested && requested.length > 500)
    throw new ApiError(400, "invalid_request", "devices: at most 500 keys");
  const allowed = new Set(await visibleDeviceKeys(sql, scopeFor(viewer, "device.read"), requested));
  const missing = requested?.find((k) => !allowed.has(k));
  if (missing) throw new ApiError(404, "not_found", `No device "${missing}".`);
  const hub = getLiveHub(sql);
  await hub.ready;
  const limit = getStreamLimit(loadEnv().LIVE_MAX_STREAMS_PER_USER);
  const release = limit.tryOpen(viewer.id);
  if (!release)
    throw new ApiError(
      429,
      "too_many_streams",
      `You have ${limit.maxPerUser} live streams open already; close some tabs and try again.`,
    );
  const lastId = Number(
    req.headers.get("last-event-id") ?? req.nextUrl.searchParams.get("lastEventId") ?? NaN,
  );
  const stream = createSseStream({
    hub,
    devices: allowed,
    lastEventId: Number.isFinite(lastId) ? lastId : undefined,
    signal: req.signal,
    onClose: release,
    stillAllowed: () => stillSignedIn(viewer),
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
