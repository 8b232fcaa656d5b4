import type { SiteScope } from "../../../domain/auth/access";
import type { Queryable, Sql } from "../connect";

export interface QuarantineFilter {
  /** Exact device key. */
  device?: string;
  reason?: string;
  /** Received at or after / before, epoch ms. */
  from?: number;
  to?: number;
  /** "pending" (default): not replayed yet; "replayed"; "all". */
  state: "pending" | "replayed" | "all";
}

export interface QuarantineRow {
  id: number;
  receivedAt: Date;
  topic: string;
  deviceKey: string | null;
  deviceName: string | null;
  site: string | null;
  reason: string;
  detail: string | null;
  /** The payload's length as received (more than is stored when `payloadCut` is set). */
  payloadBytes: number;
  /** The first PREVIEW_BYTES of the payload, exactly as received. */
  payloadHead: Buffer;
  payloadCut: StoredCut | null;
  replayedAt: Date | null;
}

/** Set when only the payload's first `keptBytes` are stored (lib/domain/quarantine/payload.ts). */
export interface StoredCut {
  keptBytes: number;
  sha256: string;
}

// The stored cut, or null when the whole payload is there.
const cutColumn = (sql: Sql) => sql`
  case when q.payload_sha256 is null then null
    else json_build_object('keptBytes', octet_length(q.payload), 'sha256', q.payload_sha256) end as "payloadCut"`;

export const PREVIEW_BYTES = 2048;

/**
 * Rows are seen through the device they belong to (`device_id`), not the key their topic names:
 * site members see their devices' rows; a row of no device (unknown_device, bad_topic) is for
 * global admins only — until a device is provisioned for its key and claims it (claimQuarantine).
 * A key freed by dropping a device may go to another site's device: the old rows went with the
 * old device, and kept ones stay with it.
 */
function visible(sql: Sql, scope: SiteScope, f: QuarantineFilter) {
  return sql`
    from quarantine q
    left join devices d on d.id = q.device_id
    left join sites s on s.id = d.site_id
    where ${scope.all ? sql`true` : sql`d.site_id = any(${scope.siteIds}::uuid[])`}
      ${f.device ? sql`and q.device_key = ${f.device}` : sql``}
      ${f.reason ? sql`and q.reason = ${f.reason}` : sql``}
      ${f.from !== undefined ? sql`and q.received_at >= to_timestamp(${f.from / 1000})` : sql``}
      ${f.to !== undefined ? sql`and q.received_at < to_timestamp(${f.to / 1000})` : sql``}
      ${f.state === "pending" ? sql`and q.replayed_at is null` : f.state === "replayed" ? sql`and q.replayed_at is not null` : sql``}`;
}

// Ids are bigserial; postgres.js hands int8 back as a string, float8 as a number (exact below 2^53).
const columns = (sql: Sql) => sql`
  q.id::float8 as id, q.received_at as "receivedAt", q.topic, q.device_key as "deviceKey", d.name as "deviceName", s.slug as site,
  q.reason, q.detail, coalesce(q.payload_total_bytes, octet_length(q.payload)) as "payloadBytes",
  substring(q.payload from 1 for ${PREVIEW_BYTES}) as "payloadHead", ${cutColumn(sql)}, q.replayed_at as "replayedAt"`;

/** A page of rows, newest first, with the total and the count per reason (for the filter). */
export async function listQuarantine(
  sql: Sql,
  scope: SiteScope,
  f: QuarantineFilter,
  page: number,
  pageSize: number,
) {
  if (!scope.all && scope.siteIds.length === 0) return { items: [], total: 0, reasons: {} };
  const [items, reasons] = await Promise.all([
    sql<(QuarantineRow & { total: number })[]>`
      select ${columns(sql)}, count(*) over ()::int as total ${visible(sql, scope, f)}
      order by q.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
    sql<
      { reason: string; n: number }[]
    >`select q.reason, count(*)::int as n ${visible(sql, scope, { ...f, reason: undefined })} group by q.reason`,
  ]);
  return {
    items: items.map(({ total: _t, ...row }) => row),
    total: items[0]?.total ?? (page > 1 ? await countQuarantine(sql, scope, f) : 0),
    reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n])),
  };
}

export async function countQuarantine(
  sql: Sql,
  scope: SiteScope,
  f: QuarantineFilter,
  afterId = 0,
): Promise<number> {
  if (!scope.all && scope.siteIds.length === 0) return 0;
  const [row] = await sql<
    { n: number }[]
  >`select count(*)::int as n ${visible(sql, scope, f)} and q.id > ${afterId}`;
  return row?.n ?? 0;
}

/** One visible row with its stored payload (all of it unless `payloadCut`), or null (missing and hidden look the same). */
export async function getQuarantined(sql: Sql, scope: SiteScope, id: number) {
  if (!scope.all && scope.siteIds.length === 0) return null;
  const [row] = await sql<
    {
      id: number;
      topic: string;
      payload: Buffer;
      payloadBytes: number;
      payloadCut: StoredCut | null;
      receivedAt: Date;
      replayedAt: Date | null;
      siteId: string | null;
    }[]
  >`
    select q.id::float8 as id, q.topic, q.payload, coalesce(q.payload_total_bytes, octet_length(q.payload)) as "payloadBytes",
      ${cutColumn(sql)}, q.received_at as "receivedAt", q.replayed_at as "replayedAt", d.site_id as "siteId"
    ${visible(sql, scope, { state: "all" })} and q.id = ${id}`;
  return row ?? null;
}

/** Ids of visible, not yet replayed rows matching `f`, oldest first, after `afterId`. */
export async function pendingIds(
  sql: Sql,
  scope: SiteScope,
  f: QuarantineFilter,
  afterId: number,
  limit: number,
): Promise<number[]> {
  if (!scope.all && scope.siteIds.length === 0) return [];
  const rows = await sql<{ id: number }[]>`
    select q.id::float8 as id ${visible(sql, scope, { ...f, state: "pending" })} and q.id > ${afterId} order by q.id limit ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Gives new devices the messages sent to their keys while no device had them (unknown_device),
 * so their site sees and replays them. Nothing that belonged to an earlier device of the key:
 * those rows went with it, or stay with it (archived).
 */
export async function claimQuarantine(tx: Queryable, devices: { id: string; key: string }[]): Promise<void> {
  if (devices.length === 0) return;
  await tx`
    update quarantine q set device_id = n.id
    from unnest(${devices.map((d) => d.id)}::uuid[], ${devices.map((d) => d.key)}::text[]) as n(id, key)
    where q.device_key = n.key and q.device_id is null and q.reason = 'unknown_device'`;
}
