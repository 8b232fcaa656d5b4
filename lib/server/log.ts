import pino, { type DestinationStream, type Logger } from "pino";
import { redactSecrets } from "../domain/redact";

/**
 * Structured JSON logs (one line per event), named by process. Every line is passed through
 * redactSecrets on its way out: a URL logged anywhere (a request's, a service's) may carry the
 * broker secret in its query or a password, and logs are read by more people than secrets are.
 */
export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? "info",
  destination?: DestinationStream,
): Logger {
  return pino(
    { name, level, base: { pid: process.pid }, hooks: { streamWrite: redactSecrets } },
    destination,
  );
}
