import type { DemoDevice } from "./fleet";
import { deviceTrait } from "./fleet";
import { flowWhenOpen } from "./irrigation";

/**
 * What the demo devices understand on devices/{key}/commands (README "Commands"):
 * - every device: `{"action": "ping"}` → `{"ok": true, "pong": true}`;
 * - farm soil sensors (their field's valve): `{"action": "open_valve"}` / `{"action": "close_valve"}`
 *   → `{"ok": true, "valve": "open" | "closed"}`; the valve then stays so (the `valve` and `flow`
 *   metrics show it) until the next valve command, overriding the watering schedule;
 * - anything else → `{"ok": false, "error": "unknown command"}`.
 * Every answer carries the command's `id`. Pure: the simulator does the I/O.
 */

/** Settings an operator changed by command; unset: the device follows its own schedule. */
export interface DeviceControls {
  valve?: "open" | "closed";
}

export interface CommandReply {
  controls: DeviceControls;
  /** The JSON to publish on devices/{key}/commands/ack. */
  answer: Record<string, unknown>;
}

/** The reply to one command message, or null when it has no id to answer to (not from Fieldwatch). */
export function answerCommand(
  device: DemoDevice,
  payload: Buffer | string,
  controls: DeviceControls,
): CommandReply | null {
  let message: unknown;
  try {
    message = JSON.parse(payload.toString());
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null || typeof (message as { id?: unknown }).id !== "string")
    return null;
  const { id, ...command } = message as Record<string, unknown>;
  const { answer, changed } = run(device, command);
  return { controls: { ...controls, ...changed }, answer: { id, ...answer } };
}

function run(
  device: DemoDevice,
  command: Record<string, unknown>,
): { answer: Record<string, unknown>; changed?: DeviceControls } {
  const hasValve = device.typeSlug === "soil-sensor";
  switch (command.action) {
    case "ping":
      return { answer: { ok: true, pong: true } };
    case "open_valve":
    case "close_valve": {
      if (!hasValve) break;
      const valve = command.action === "open_valve" ? "open" : "closed";
      return { answer: { ok: true, valve }, changed: { valve } };
    }
  }
  return { answer: { ok: false, error: "unknown command" } };
}

/** A metric's value as the operator's settings force it, or undefined where the model decides. */
export function controlledValue(
  metric: string,
  device: DemoDevice,
  atMs: number,
  controls: DeviceControls,
): number | undefined {
  if (!controls.valve) return undefined;
  const open = controls.valve === "open";
  if (metric === "valve") return open ? 1 : 0;
  if (metric === "flow") return open ? flowWhenOpen(atMs / 3_600_000, deviceTrait(device.index)) : 0;
  return undefined;
}
