import pino, { type Logger } from "pino";

/** Structured JSON logs (one line per event), named by process. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
