import type { CommandStatus } from "@/lib/domain/commands/protocol";

export type { CommandStatus };

/** One command as GET /api/devices/{key}/commands lists it. */
export interface CommandItem {
  id: string;
  status: CommandStatus;
  command: Record<string, unknown>;
  sentBy: { name: string; email: string } | null;
  sentAt: string;
  ackedAt: string | null;
  response: Record<string, unknown> | null;
}

export interface CommandsResponse {
  items: CommandItem[];
  /** May the caller send commands to this device (operator or admin of its site, device enabled)? */
  canSend: boolean;
  /** How long a device has to answer before its command shows as timed out. */
  timeoutMs: number;
}
