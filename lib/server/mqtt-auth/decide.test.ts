import { describe, expect, it } from "vitest";
import { hashDeviceToken } from "../../domain/devices/credentials";
import {
  decideDevice,
  decideService,
  deviceStillAllowed,
  isOwnClientId,
  mayAct,
  secretsEqual,
  type DeviceCredential,
} from "./decide";

const TOKEN = "fwd_the-live-token";
const live: DeviceCredential = { disabled: false, archived: false, liveTokenHash: hashDeviceToken(TOKEN) };
const attempt = (
  password: string | undefined,
  username: string | undefined = "farm-soil-01",
  clientId = "farm-soil-01",
) => ({ username, password, clientId });

describe("decideDevice", () => {
  it("lets a device in with its live token, as itself", () => {
    expect(decideDevice(attempt(TOKEN), live)).toEqual({
      allow: true,
      identity: { kind: "device", key: "farm-soil-01" },
    });
  });

  it.each([
    ["a wrong token", attempt("fwd_guess"), live, "bad_credentials"],
    ["no password", attempt(undefined), live, "bad_credentials"],
    ["an empty password", attempt(""), live, "bad_credentials"],
    ["no username", { username: undefined, password: TOKEN, clientId: "c1" }, live, "no_credentials"],
    ["an unknown device", attempt(TOKEN), null, "bad_credentials"],
    [
      "a device without a live token (revoked)",
      attempt(TOKEN),
      { ...live, liveTokenHash: null },
      "bad_credentials",
    ],
    ["a disabled device", attempt(TOKEN), { ...live, disabled: true }, "device_disabled"],
    ["an archived device", attempt(TOKEN), { ...live, archived: true }, "device_disabled"],
    ["a username that is not a device key", attempt(TOKEN, "Farm Soil"), live, "bad_credentials"],
    [
      "the ingest worker's client id",
      attempt(TOKEN, "farm-soil-01", "fieldwatch-ingest-host1"),
      live,
      "reserved_client_id",
    ],
    [
      "another device's key as client id",
      attempt(TOKEN, "farm-soil-01", "farm-soil-02"),
      live,
      "foreign_client_id",
    ],
    [
      "another device's key that starts with its own",
      attempt(TOKEN, "farm-soil", "farm-soil-01"),
      live,
      "foreign_client_id",
    ],
    ["a generated client id", attempt(TOKEN, "farm-soil-01", "mqttjs_4f2a"), live, "foreign_client_id"],
    ["a suffix with a slash", attempt(TOKEN, "farm-soil-01", "farm-soil-01./x"), live, "foreign_client_id"],
    ["an empty suffix", attempt(TOKEN, "farm-soil-01", "farm-soil-01."), live, "foreign_client_id"],
  ])("refuses %s", (_what, given, credential, reason) => {
    expect(decideDevice(given, credential)).toEqual({ allow: false, reason });
  });
});

describe("isOwnClientId", () => {
  it("is the key, or the key, a dot and a suffix: never another device's id", () => {
    expect(isOwnClientId("dev-a", "dev-a")).toBe(true);
    expect(isOwnClientId("dev-a", "dev-a.commands")).toBe(true);
    expect(isOwnClientId("dev-a", "dev-a.cmd_2-B")).toBe(true);
    expect(isOwnClientId("dev-a", "dev-a-b")).toBe(false);
    expect(isOwnClientId("dev-a", "dev-b")).toBe(false);
    expect(isOwnClientId("dev-a", "")).toBe(false);
    expect(isOwnClientId("dev-a", `dev-a.${"x".repeat(65)}`)).toBe(false);
  });
});

describe("decideService", () => {
  const service = { username: "fieldwatch-service", password: "s3rvice-password" };
  it("accepts the service password only", () => {
    expect(decideService(service, attempt("s3rvice-password", "fieldwatch-service"))).toEqual({
      allow: true,
      identity: { kind: "service" },
    });
    expect(decideService(service, attempt("s3rvice-passwor", "fieldwatch-service")).allow).toBe(false);
    expect(decideService(service, attempt(undefined, "fieldwatch-service")).allow).toBe(false);
  });
});

describe("deviceStillAllowed", () => {
  it("holds while the token is live and the device in service, not after a rotation or disabling", () => {
    const hash = hashDeviceToken(TOKEN);
    expect(deviceStillAllowed(hash, live)).toBe(true);
    expect(deviceStillAllowed(hash, { ...live, liveTokenHash: hashDeviceToken("fwd_rotated") })).toBe(false);
    expect(deviceStillAllowed(hash, { ...live, disabled: true })).toBe(false);
    expect(deviceStillAllowed(hash, { ...live, archived: true })).toBe(false);
    expect(deviceStillAllowed(hash, null)).toBe(false);
  });
});

describe("mayAct", () => {
  const device = { kind: "device", key: "dev-a" } as const;
  it.each([
    ["devices/dev-a/telemetry", true],
    ["devices/dev-a/telemetry/temperature", true],
    ["devices/dev-a/status", true],
    ["devices/dev-a/commands/ack", true],
    ["devices/dev-a/commands", false],
    ["devices/dev-b/telemetry", false],
    ["devices/dev-a/telemetry/a/b", false],
    ["devices/dev-a/other", false],
    ["elsewhere/dev-a/telemetry", false],
  ])("a device publishing to %s: %s", (topic, allowed) => {
    expect(mayAct(device, "publish", topic)).toBe(allowed);
  });

  it.each([
    ["devices/dev-a/commands", true],
    ["devices/dev-b/commands", false],
    ["devices/+/commands", false],
    ["devices/dev-a/#", false],
    ["#", false],
    ["devices/dev-a/commands/#", false],
    ["devices/dev-a/telemetry", false],
  ])("a device subscribing to %s: %s", (topic, allowed) => {
    expect(mayAct(device, "subscribe", topic)).toBe(allowed);
  });

  it("lets the service do anything", () => {
    expect(mayAct({ kind: "service" }, "subscribe", "#")).toBe(true);
    expect(mayAct({ kind: "service" }, "publish", "devices/dev-a/commands")).toBe(true);
  });
});

describe("secretsEqual", () => {
  it("compares whole values of any length", () => {
    expect(secretsEqual("abc", "abc")).toBe(true);
    expect(secretsEqual("abc", "abcd")).toBe(false);
    expect(secretsEqual("", "abc")).toBe(false);
  });
});
