import { COMMAND_ACK_TIMEOUT_MS, type CommandStatus } from "../../../domain/commands/protocol";
import type { CommandEvent } from "../../../domain/live/events";
import type { Sql, Tx } from "../connect";

/** A device's answer as the ingest batch carries it. */
export interface CommandAck {
  deviceId: string;
  deviceKey: string;
  id: string;
  response: Record<string, unknown>;
  receivedAt: number;
}

export interface CommandRow {
  id: string;
  status: CommandStatus;
  command: Record<string, unknown>;
  sentBy: { name: string; email: string } | null;
  sentAt: Date;
  ackedAt: Date | null;
  response: Record<string, unknown> | null;
}

export async function insertCommand(
  sql: Sql,
  deviceId: string,
  command: Record<string, unknown>,
  sentBy: string | null,
): Promise<{ id: string; sentAt: Date }> {
  const [row] = await sql<{ id: string; sentAt: Date }[]>`
    insert into device_commands (device_id, payload, sent_by) values (${deviceId}, ${sql.json(command as never)}, ${sentBy})
    returning id, sent_at as "sentAt"`;
  return row!;
}

/** The broker never took it. Only a command still waiting: a device that answered anyway wins. */
export async function markCommandFailed(sql: Sql, id: string): Promise<boolean> {
  const rows =
    await sql`update device_commands set status = 'failed' where id = ${id} and status = 'sent' returning id`;
  return rows.length > 0;
}

/**
 * A device's latest commands, newest first. "Timed out" is computed here, not stored by a
 * sweep: every reader agrees the moment the deadline passes, no process has to be running for
 * it, and the stored 'sent' lets a late answer still acknowledge it (acknowledgeCommands).
 */
export async function listCommands(
  sql: Sql,
  deviceId: string,
  { limit = 50, timeoutMs = COMMAND_ACK_TIMEOUT_MS } = {},
): Promise<CommandRow[]> {
  const rows = await sql<
    (Omit<CommandRow, "sentBy"> & { senderName: string | null; senderEmail: string | null })[]
  >`
    select c.id, c.payload as command, c.sent_at as "sentAt", c.acked_at as "ackedAt", c.response,
           case when c.status = 'sent' and c.sent_at < now() - make_interval(secs => ${timeoutMs / 1000}) then 'timed_out' else c.status end as status,
           u.name as "senderName", u.email as "senderEmail"
    from device_commands c left join users u on u.id = c.sent_by
    where c.device_id = ${deviceId}
    order by c.sent_at desc, c.id limit ${limit}`;
  return rows.map(({ senderName, senderEmail, ...row }) => ({
    ...row,
    sentBy: senderEmail ? { name: senderName ?? senderEmail, email: senderEmail } : null,
  }));
}

/**
 * Marks commands acknowledged with what their device said, as `command` live events. Only the
 * device's own command (an id of another device's command changes nothing), and only while it
 * waits or has timed out: a late answer still counts. A repeat (QoS 1 redelivers) or an answer
 * to a failed command changes nothing either; none of these is quarantined, they are not bad data.
 */
export async function acknowledgeCommands(tx: Tx, acks: readonly CommandAck[]): Promise<CommandEvent[]> {
  if (acks.length === 0) return [];
  const input = acks.map((a) => ({
    id: a.id,
    device_id: a.deviceId,
    device_key: a.deviceKey,
    ms: a.receivedAt,
    response: a.response,
  }));
  const rows = await tx<{ id: string; deviceKey: string; ackedAt: Date }[]>`
    update device_commands c set status = 'acknowledged', acked_at = to_timestamp(a.ms / 1000.0), response = a.response
    from (select distinct on (id) * from jsonb_to_recordset(${tx.json(input as never)}) as x(id uuid, device_id uuid, device_key text, ms float8, response jsonb) order by id, ms) a
    where c.id = a.id and c.device_id = a.device_id and c.status in ('sent', 'timed_out')
    returning c.id, a.device_key as "deviceKey", c.acked_at as "ackedAt"`;
  return rows.map((r) => ({
    type: "command",
    device: r.deviceKey,
    commandId: r.id,
    status: "acknowledged",
    ts: r.ackedAt.getTime(),
  }));
}
