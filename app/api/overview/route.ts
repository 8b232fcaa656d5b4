import { canAnywhere, scopeFor } from "@/lib/server/auth/permissions";
import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { deviceStatusCounts } from "@/lib/server/db/queries/devices";
import { activeAlertCounts, quarantinedSince, toOverviewView } from "@/lib/server/db/queries/overview";
import { route } from "@/lib/server/http/route";
import { getLiveHub } from "@/lib/server/live/hub";

export const dynamic = "force-dynamic";

/**
 * The fleet at a glance, as far as the caller may see it: devices by state, readings per second
 * arriving now (fleet-wide; null for a second after the web process starts listening), and, for
 * operators, messages quarantined in the last hour; open alerts by severity.
 */
export const GET = route(async (req) => {
  const viewer = await authenticate(req);
  const { sql } = getDb();
  const hub = getLiveHub(sql);
  await hub.ready;
  const seesQuarantine = canAnywhere(viewer, "quarantine.read");
  const [devices, quarantined, alerts] = await Promise.all([
    deviceStatusCounts(sql, scopeFor(viewer, "device.read")),
    seesQuarantine
      ? quarantinedSince(sql, scopeFor(viewer, "quarantine.read"), new Date(Date.now() - 3_600_000))
      : null,
    activeAlertCounts(sql, scopeFor(viewer, "device.read")),
  ]);
  return Response.json(
    toOverviewView({
      devices,
      readingsPerSecond: hub.readingsPerSecond(),
      quarantinedLastHour: quarantined,
      alerts,
    }),
  );
});
