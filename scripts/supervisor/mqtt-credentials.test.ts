import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SERVICE_PASSWORD_FILE, SERVICE_USERNAME, serviceMqttCredentials } from "./mqtt-credentials";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "fieldwatch-creds-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("serviceMqttCredentials", () => {
  it("generates a password once into the data dir, readable by its owner only, and keeps it", () => {
    const dir = dataDir();
    const first = serviceMqttCredentials(dir);
    expect(first.username).toBe(SERVICE_USERNAME);
    expect(first.password.length).toBeGreaterThanOrEqual(40);
    const file = path.join(dir, SERVICE_PASSWORD_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe(first.password);
    expect(serviceMqttCredentials(dir)).toEqual(first);
    expect(serviceMqttCredentials(dataDir()).password).not.toBe(first.password);
  });

  it("uses MQTT_USERNAME / MQTT_PASSWORD when set, and generates only what is missing", () => {
    const dir = dataDir();
    expect(serviceMqttCredentials(dir, "ingest", "from-env")).toEqual({
      username: "ingest",
      password: "from-env",
    });
    expect(statSync(dir).isDirectory() && readdirSync(dir)).toEqual([]);
    const partial = serviceMqttCredentials(dir, "ingest", undefined);
    expect(partial).toEqual({
      username: "ingest",
      password: readFileSync(path.join(dir, SERVICE_PASSWORD_FILE), "utf8"),
    });
  });
});
