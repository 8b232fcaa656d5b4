import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ServiceCredentials } from "../../lib/server/mqtt-auth/decide";

export const SERVICE_USERNAME = "fieldwatch-service";
export const SERVICE_PASSWORD_FILE = "mqtt-service-password";

/**
 * The ingest worker's and web app's broker login: MQTT_USERNAME / MQTT_PASSWORD when set, else
 * `fieldwatch-service` and a password generated once into the data dir (kept across restarts,
 * so the end-to-end tests and a worker started by hand can read it).
 */
export function serviceMqttCredentials(
  dataDir: string,
  username?: string,
  password?: string,
): ServiceCredentials {
  return { username: username || SERVICE_USERNAME, password: password || storedPassword(dataDir) };
}

function storedPassword(dataDir: string): string {
  const file = path.join(dataDir, SERVICE_PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const generated = randomBytes(32).toString("base64url");
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}
