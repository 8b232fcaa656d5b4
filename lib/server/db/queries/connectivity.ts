import { encodeLivePayloads, LIVE_CHANNEL, type EncodedEvent, type LiveEvent } from "../../live/channel";
import type { Sql } from "../connect";
import type { ConnectivitySignal, Tx } from "./ingest";

/**
 * Moves devices online/offline. A signal older than the current state (a late or replayed
 * message) changes nothing; only real changes come back, as live `status` events.
 */
export async function updateConnectivity(
  tx: Tx,
  signals: Map<string, ConnectivitySignal>,
): Promise<LiveEvent[]> {
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

/** NOTIFY is delivered only when the transaction commits: live views never show what was not stored. */
export async function notifyLive(tx: Tx | Sql, events: (LiveEvent | EncodedEvent)[]): Promise<void> {
  const payloads = encodeLivePayloads(events);
  // As one JSON text: postgres.js would escape a text[] parameter character by character.
  if (payloads.length > 0)
    await tx`select pg_notify(${LIVE_CHANNEL}, p) from jsonb_array_elements_text(${tx.json(payloads)}) as p`;
}

/**
 * Devices silent past their inactivity timeout (per device, else their type's) go offline, as
 * of the moment the timeout ran out. One UPDATE: with several workers each change happens once.
 */
export async function markSilentDevicesOffline(sql: Sql): Promise<string[]> {
  return sql.begin(async (tx) => {
    const rows = await tx<{ key: string; at: Date }[]>`
      update devices d set connectivity = 'offline',
             connectivity_at = d.last_seen_at + make_interval(secs => coalesce(d.inactivity_timeout_s, t.inactivity_timeout_s, 300))
      from devices d2 left join device_types t on t.id = d2.type_id
      where d2.id = d.id and d.connectivity = 'online'
        and d.last_seen_at < now() - make_interval(secs => coalesce(d.inactivity_timeout_s, t.inactivity_timeout_s, 300))
      returning d.key, d.connectivity_at as at`;
    await notifyLive(
      tx,
      rows.map((r) => ({ type: "status", device: r.key, status: "offline", ts: r.at.getTime() })),
    );
    return rows.map((r) => r.key);
  }) as Promise<string[]>;
}
