import { redactSecrets } from "../../lib/domain/redact";

const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

/**
 * Pino JSON lines become `[name] level message key=value`; other lines pass through prefixed.
 * Either way without secrets carried in URLs (redactSecrets): children's output is relayed here
 * whatever wrote it — Next.js, a stack trace — and this output often goes to a log file.
 */
export function formatLogLine(name: string, line: string): string {
  return redactSecrets(formatted(name, line));
}

function formatted(name: string, line: string): string {
  const prefix = `[${name}]`.padEnd(13);
  if (!line.startsWith("{")) return `${prefix}${line}`;
  try {
    const {
      level,
      msg,
      time: _time,
      pid: _pid,
      hostname: _host,
      name: _name,
      ...rest
    } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    const levelName = LEVELS[level as number] ?? String(level);
    return `${prefix}${levelName === "info" ? "" : `${levelName.toUpperCase()} `}${String(msg ?? "")}${extra ? `  ${extra}` : ""}`;
  } catch {
    return `${prefix}${line}`;
  }
}
