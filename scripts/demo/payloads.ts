import { controlledValue, type DeviceControls } from "./device-commands";
import { demoDeviceType, sampleValue, type DemoDevice, type Rng } from "./fleet";

/** What a simulated device puts on the wire; pure, so the formats can be tested without a broker. */
export interface OutgoingMessage {
  topic: string;
  payload: string;
}

export const statusTopic = (key: string) => `devices/${key}/status`;
export const telemetryTopic = (key: string) => `devices/${key}/telemetry`;

/**
 * One telemetry update of `device` at `atMs`, in the device's own format (docs/mqtt.md):
 * nested JSON without a time, ThingsBoard `{ts, values}` with device time, or one bare
 * number per metric topic. `controls`: what operators set by command (an open valve).
 */
export function telemetryMessages(
  device: DemoDevice,
  atMs: number,
  rng: Rng,
  controls: DeviceControls = {},
): OutgoingMessage[] {
  const readings = demoDeviceType(device.typeSlug).metrics.map((m) => ({
    name: m.name,
    value: controlledValue(m.name, device, atMs, controls) ?? sampleValue(m.name, device.index, atMs, rng),
  }));
  const topic = telemetryTopic(device.key);
  switch (device.payloadStyle) {
    case "thingsboard":
      return [{ topic, payload: JSON.stringify({ ts: atMs, values: nest(readings) }) }];
    case "metric-topics":
      return readings.map(({ name, value }) => ({ topic: `${topic}/${name}`, payload: String(value) }));
    case "nested-json":
      return [{ topic, payload: JSON.stringify(nest(readings)) }];
  }
}

type Nested = { [name: string]: number | Nested };

/** `soil.moisture` → `{"soil": {"moisture": …}}`, the shape ingest flattens back with dots. */
export function nest(readings: readonly { name: string; value: number }[]): Nested {
  const root: Nested = {};
  for (const { name, value } of readings) {
    const path = name.split(".");
    const leaf = path.pop()!;
    let node = root;
    for (const part of path) {
      const child = node[part];
      node = typeof child === "object" ? child : (node[part] = {});
    }
    node[leaf] = value;
  }
  return root;
}
