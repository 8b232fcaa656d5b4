/** docs/mqtt.md: device keys are lower-case, start with a letter or digit, at most 64 characters. */
export const DEVICE_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const METRIC_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

export type ParsedTopic =
  | { kind: "telemetry"; deviceKey: string; metric?: string }
  | { kind: "status"; deviceKey: string }
  /** A device's answer to a command (lib/domain/commands). */
  | { kind: "command_ack"; deviceKey: string }
  | { kind: "invalid"; deviceKey?: string; detail: string };

/** Reads `devices/{key}/telemetry[/{metric}]`, `devices/{key}/status` and `devices/{key}/commands/ack`. */
export function parseTopic(topic: string): ParsedTopic {
  const parts = topic.split("/");
  if (parts[0] !== "devices" || parts.length < 3)
    return { kind: "invalid", detail: `not a device topic: ${topic}` };
  const deviceKey = parts[1] ?? "";
  if (!DEVICE_KEY_PATTERN.test(deviceKey))
    return { kind: "invalid", detail: `bad device key "${deviceKey}"` };
  const [, , channel, metric, ...rest] = parts;
  if (channel === "status" && parts.length === 3) return { kind: "status", deviceKey };
  if (channel === "commands" && metric === "ack" && rest.length === 0)
    return { kind: "command_ack", deviceKey };
  if (channel !== "telemetry" || rest.length > 0)
    return { kind: "invalid", deviceKey, detail: `unknown topic ${topic}` };
  if (metric === undefined) return { kind: "telemetry", deviceKey };
  if (!METRIC_PATTERN.test(metric))
    return { kind: "invalid", deviceKey, detail: `bad metric name "${metric}"` };
  return { kind: "telemetry", deviceKey, metric };
}

export function isValidMetricName(name: string): boolean {
  return METRIC_PATTERN.test(name);
}
