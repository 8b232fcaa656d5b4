import type { CompiledRule } from "../alerts/rule-set";
import type { CommandStatus } from "../commands/protocol";
import type { DeviceReading, Reading } from "../telemetry/types";

/**
 * What a commit announces to the dashboards (docs/architecture.md, "The path of one reading").
 * One shape from the NOTIFY that carries it to the browser that draws it; every time is epoch ms.
 */
export type LiveEvent = ReadingsEvent | StatusEvent | CommandEvent | AlertEvent;

/**
 * A device's readings of one commit — or, when a stream paces a busy device, of the commits it
 * held back (their lists joined). Built once, where the commit groups its readings by device.
 */
export interface ReadingsEvent {
  type: "readings";
  device: string;
  readings: Pick<Reading, "metric" | "ts" | "value">[];
}

export interface StatusEvent {
  type: "status";
  device: string;
  status: "online" | "offline";
  ts: number;
}

/** A command sent, acknowledged or failed (timing out is computed when read: no event). */
export interface CommandEvent {
  type: "command";
  device: string;
  // `commandId`, not `id`: an event's `id` is its place in the stream (the SSE event id).
  commandId: string;
  status: CommandStatus;
  ts: number;
}

/** An alert fired or resolved; webhooks are queued from the same record. */
export interface AlertEvent {
  type: "alert";
  device: string;
  alertId: string;
  ruleId: string;
  state: "firing" | "resolved";
  severity: CompiledRule["severity"];
  ts: number;
  value: number;
}

/** One ReadingsEvent per device, its readings in the order given: the only place readings are packed. */
export function readingsEvents(readings: readonly DeviceReading[]): ReadingsEvent[] {
  const byDevice = new Map<string, ReadingsEvent>();
  for (const { deviceKey, metric, ts, value } of readings) {
    let event = byDevice.get(deviceKey);
    if (!event) byDevice.set(deviceKey, (event = { type: "readings", device: deviceKey, readings: [] }));
    event.readings.push({ metric, ts, value });
  }
  return [...byDevice.values()];
}
