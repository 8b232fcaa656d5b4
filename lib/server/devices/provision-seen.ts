import { audit } from "../audit";
import { countQuarantine, type QuarantineFilter } from "../db/queries/quarantine";
import { scopeFor } from "../auth/permissions";
import type { Sql } from "../db/connect";
import type { Viewer } from "../db/queries/users";
import { replayMatching } from "../quarantine/replay";
import type { NewDeviceInput } from "../../domain/devices/input";
import { provisionDevices, type RowError } from "./provision";

// One request replays at most this many (a row each, in its own transaction); the rest wait on
// the Quarantine page, where replay-all goes on in slices with progress.
const REPLAY_LIMIT = 5_000;
const SLICE = 500;

export type ProvisionSeenResult =
  | { ok: false; errors: RowError[] }
  | {
      ok: true;
      id: string;
      token: string;
      replayed: number;
      rejected: number;
      rejectedByReason: Record<string, number>;
      remaining: number;
    };

/**
 * Provisions a device that has been publishing unknown, then sends its quarantined
 * `unknown_device` messages through the worker's checks again: they land as readings at their
 * own time, as if the device had been known all along.
 */
export async function provisionSeenDevice(
  sql: Sql,
  viewer: Viewer,
  input: NewDeviceInput,
  ip?: string | null,
): Promise<ProvisionSeenResult> {
  const created = await provisionDevices(sql, viewer, [input]);
  if (!created.ok) return created;
  const device = created.devices[0]!;
  // Now that the device exists, its rows are its site's: the viewer (that site's admin) may replay them.
  const scope = scopeFor(viewer, "quarantine.replay");
  const filter: QuarantineFilter = { device: input.key, reason: "unknown_device", state: "pending" };
  const rejectedByReason: Record<string, number> = {};
  let replayed = 0;
  let afterId = 0;
  for (let done = 0; done < REPLAY_LIMIT; done += SLICE) {
    const run = await replayMatching(sql, scope, filter, afterId, SLICE, viewer.id);
    replayed += run.replayed;
    for (const [reason, n] of Object.entries(run.rejected))
      rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + n;
    if (run.lastId === afterId) break;
    afterId = run.lastId;
  }
  const rejected = Object.values(rejectedByReason).reduce((a, b) => a + b, 0);
  const remaining = await countQuarantine(sql, scope, filter, afterId);
  const [site] = await sql<{ id: string }[]>`select site_id as id from devices where id = ${device.id}`;
  await audit(sql, {
    action: "device.create",
    actor: viewer,
    target: { type: "device", id: input.key },
    siteId: site?.id,
    ip,
    details: {
      name: input.name,
      site: input.site,
      type: input.type ?? null,
      from: "unprovisioned",
      replayed,
      rejected: rejectedByReason,
      remaining,
    },
  });
  return { ok: true, id: device.id, token: device.token, replayed, rejected, rejectedByReason, remaining };
}
