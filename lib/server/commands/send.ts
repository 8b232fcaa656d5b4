import type { MqttClient } from "mqtt";
import type { Sql } from "../db/connect";
import { insertCommand, markCommandFailed } from "../db/queries/commands";
import { notifyLive } from "../live/channel";
import { commandTopic } from "../../domain/commands/protocol";
import { publishNow, PublishFailedError, PUBLISH_TIMEOUT_MS } from "./publish";

export interface SendCommandInput {
  device: { id: string; key: string };
  command: Record<string, unknown>;
  /** The user sending it (null: no user, e.g. a script of ours). */
  sentBy: string | null;
  publishTimeoutMs?: number;
}

export interface SentCommand {
  id: string;
  status: "sent" | "failed";
  sentAt: Date;
  /** Why it failed: the broker is unreachable or did not acknowledge in time. */
  error?: string;
}

/**
 * Records a command, then publishes `{"id", ...command}` QoS 1 on devices/{key}/commands. The
 * row comes first so the device's answer, however fast, finds it. A broker that doesn't take it
 * leaves the row 'failed'. Either way a `command` live event tells open device pages.
 */
export async function sendCommand(
  sql: Sql,
  client: MqttClient | null,
  input: SendCommandInput,
): Promise<SentCommand> {
  const { device, command } = input;
  const row = await insertCommand(sql, device.id, command, input.sentBy);
  let error: string | undefined;
  try {
    if (!client) throw new PublishFailedError("No MQTT broker is configured (MQTT_URL)");
    await publishNow(
      client,
      commandTopic(device.key),
      JSON.stringify({ id: row.id, ...command }),
      input.publishTimeoutMs ?? PUBLISH_TIMEOUT_MS,
    );
  } catch (err) {
    if (!(err instanceof PublishFailedError)) throw err;
    error = err.message;
    await markCommandFailed(sql, row.id);
  }
  const status = error ? "failed" : "sent";
  await notifyLive(sql, [{ type: "command", device: device.key, commandId: row.id, status, ts: Date.now() }]);
  return { id: row.id, status, sentAt: row.sentAt, ...(error ? { error } : {}) };
}
