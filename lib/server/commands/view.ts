import { COMMAND_ACK_TIMEOUT_MS, type CommandStatus } from "../../domain/commands/protocol";
import type { CommandRow } from "../db/queries/commands";
import type { SentCommand } from "./send";

/** A command as a device's history lists it (dates as ISO strings). */
export interface CommandView {
  id: string;
  command: Record<string, unknown>;
  sentAt: string;
  ackedAt: string | null;
  /** What the device answered, its id left out. */
  response: Record<string, unknown> | null;
  status: CommandStatus;
  sentBy: { name: string; email: string } | null;
}

export function toCommandView(row: CommandRow): CommandView {
  return {
    id: row.id,
    command: row.command,
    sentAt: row.sentAt.toISOString(),
    ackedAt: row.ackedAt?.toISOString() ?? null,
    response: row.response,
    status: row.status,
    sentBy: row.sentBy,
  };
}

/** A device's command history, and what its page may offer. */
export interface CommandListView {
  items: CommandView[];
  /** May the caller send commands to this device (operator or admin of its site, device enabled)? */
  canSend: boolean;
  /** How long a device has to answer before its command shows as timed out. */
  timeoutMs: number;
}

export function toCommandListView(rows: CommandRow[], canSend: boolean): CommandListView {
  return { items: rows.map(toCommandView), canSend, timeoutMs: COMMAND_ACK_TIMEOUT_MS };
}

/** What a send answers (201); a send the broker refused answers 503 instead. */
export type SentCommandView = Pick<CommandView, "id" | "status" | "sentAt">;

export function toSentCommandView(sent: SentCommand): SentCommandView {
  return { id: sent.id, status: sent.status, sentAt: sent.sentAt.toISOString() };
}
