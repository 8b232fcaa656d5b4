import type { Sql } from "../connect";

/** A key that published without being provisioned: what its quarantined messages tell. */
export interface UnprovisionedKey {
  key: string;
  messages: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** Such a key as the API lists it (dates as ISO strings). */
export interface UnprovisionedKeyView {
  key: string;
  /** Its quarantined messages still waiting. */
  messages: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export function toUnprovisionedKeyView(row: UnprovisionedKey): UnprovisionedKeyView {
  return {
    key: row.key,
    messages: row.messages,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  };
}

/**
 * Keys with pending `unknown_device` messages and still no device (an archived device keeps
 * its key, so it is not offered again), most recently heard first. Only keys, counts and times:
 * the payloads stay behind the quarantine's own rules.
 */
export async function listUnprovisioned(
  sql: Sql,
  limit = 100,
): Promise<{ items: UnprovisionedKey[]; total: number }> {
  const rows = await sql<(UnprovisionedKey & { total: number })[]>`
    select q.device_key as key, count(*)::int as messages, min(q.received_at) as "firstSeenAt", max(q.received_at) as "lastSeenAt",
           count(*) over ()::int as total
    from quarantine q
    where q.reason = 'unknown_device' and q.replayed_at is null and q.device_key is not null and q.device_id is null
      and not exists (select 1 from devices d where d.key = q.device_key)
    group by q.device_key
    order by max(q.received_at) desc, q.device_key
    limit ${limit}`;
  return { items: rows.map(({ total: _t, ...row }) => row), total: rows[0]?.total ?? 0 };
}
