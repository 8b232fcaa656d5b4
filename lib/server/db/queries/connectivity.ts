import type { StatusEvent } from "../../../domain/live/events";
import type { Tx } from "../connect";

/** A device's newest sign of life in a batch: data or an "online" status, or an "offline" one. */
export interface ConnectivitySignal {
  deviceKey: string;
  state: "online" | "offline";
  at: number;
}

/** Last seen moves forward only (device id → newest receive time in the batch, epoch ms). */
export async function updateLastSeen(tx: Tx, seen: Map<string, number>): Promise<void> {
  if (seen.size === 0) return;
  await tx`
    update devices d set last_seen_at = greatest(d.last_seen_at, to_timestamp(s.ms / 1000.0))
    from unnest(${[...seen.keys()]}::uuid[], ${[...seen.values()]}::float8[]) as s(id, ms)
    where d.id = s.id`;
}

/**
 * Moves devices online/offline. A signal older than the current state (a late or replayed
 * message) changes nothing; only real changes come back, as live `status` events.
 */
export async function updateConnectivity(
  tx: Tx,
  signals: Map<string, ConnectivitySignal>,
): Promise<StatusEvent[]> {
  if (signals.size === 0) return [];
  const list = [...signals.values()];
  const rows = await tx<{ key: string; connectivity: "online" | "offline"; at: Date }[]>`
    update devices d set connectivity = c.state, connectivity_at = to_timestamp(c.ms / 1000.0)
    from unnest(${[...signals.keys()]}::uuid[], ${list.map((s) => s.state)}::text[], ${list.map((s) => s.at)}::float8[]) as c(id, state, ms)
    where d.id = c.id and d.connectivity is distinct from c.state
      and (d.connectivity_at is null or d.connectivity_at <= to_timestamp(c.ms / 1000.0))
    returning d.key, d.connectivity, d.connectivity_at as at`;
  return rows.map((r) => ({ type: "status", device: r.key, status: r.connectivity, ts: r.at.getTime() }));
}

/**
 * Devices silent past their inactivity timeout (per device, else their type's) go offline, as
 * of the moment the timeout ran out. One UPDATE: with several workers each change happens once.
 */
export async function markSilentDevicesOffline(tx: Tx): Promise<StatusEvent[]> {
  const rows = await tx<{ key: string; at: Date }[]>`
    update devices d set connectivity = 'offline',
           connectivity_at = d.last_seen_at + make_interval(secs => coalesce(d.inactivity_timeout_s, t.inactivity_timeout_s, 300))
    from devices d2 left join device_types t on t.id = d2.type_id
    where d2.id = d.id and d.connectivity = 'online'
      and d.last_seen_at < now() - make_interval(secs => coalesce(d.inactivity_timeout_s, t.inactivity_timeout_s, 300))
    returning d.key, d.connectivity_at as at`;
  return rows.map((r) => ({ type: "status", device: r.key, status: "offline", ts: r.at.getTime() }));
}
