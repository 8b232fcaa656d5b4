import { createHash, timingSafeEqual } from "node:crypto";
import { hashDeviceToken } from "../../domain/devices/credentials";
import { DEVICE_KEY_PATTERN } from "../../domain/telemetry/topic";
import { deviceMayPublish, deviceMaySubscribe } from "./topics";

/**
 * Who a broker client is, decided from its CONNECT (username, password, client id). Pure: the
 * device's database row comes in as `DeviceCredential`, so every rule here is a unit test.
 */
export type MqttIdentity = { kind: "service" } | { kind: "device"; key: string };

export interface ServiceCredentials {
  username: string;
  password: string;
}

/** A device's row as authentication needs it; null when no device has that key. */
export interface DeviceCredential {
  disabled: boolean;
  archived: boolean;
  /** SHA-256 of the live token (newest not revoked); null when it has none. */
  liveTokenHash: string | null;
}

export interface ConnectAttempt {
  username?: string;
  password?: string;
  clientId: string;
}

export type ConnectVerdict = { allow: true; identity: MqttIdentity } | { allow: false; reason: DenyReason };
export type DenyReason =
  "no_credentials" | "bad_credentials" | "device_disabled" | "reserved_client_id" | "foreign_client_id";

/** Client ids Fieldwatch's own processes use (`fieldwatch-ingest-<host>`): a device taking one over would kick the worker off and inherit its session. */
export const SERVICE_CLIENT_ID_PREFIX = "fieldwatch-";

// What may follow `{key}.` in a device's further client ids.
const CLIENT_ID_SUFFIX = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A device's client ids are its key, or `{key}.{suffix}` for a further connection of its own.
 * An id names its session, and the broker gives a session (and takes the connection holding it)
 * to whoever presents the id: an id of another device's would let one device kick another off or
 * hold its session. `.` is not in a key's alphabet, so no id is two devices'; `-` is (`a-b` is
 * device `a-b`'s key, and would be `a` + `-b`).
 */
export function isOwnClientId(deviceKey: string, clientId: string): boolean {
  if (clientId === deviceKey) return true;
  return clientId.startsWith(`${deviceKey}.`) && CLIENT_ID_SUFFIX.test(clientId.slice(deviceKey.length + 1));
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Is `username` the service's? A device provisioned under that key can never log in (it would get the service's rights). */
export const isServiceUsername = (service: ServiceCredentials | undefined, username: string | undefined) =>
  service !== undefined && username !== undefined && username === service.username;

export function decideService(service: ServiceCredentials, attempt: ConnectAttempt): ConnectVerdict {
  return secretsEqual(attempt.password ?? "", service.password)
    ? { allow: true, identity: { kind: "service" } }
    : { allow: false, reason: "bad_credentials" };
}

/** Only worth a database lookup when this could be a device at all. */
export const couldBeDevice = (attempt: ConnectAttempt) =>
  attempt.username !== undefined &&
  DEVICE_KEY_PATTERN.test(attempt.username) &&
  (attempt.password ?? "") !== "";

export function decideDevice(attempt: ConnectAttempt, credential: DeviceCredential | null): ConnectVerdict {
  if (!couldBeDevice(attempt))
    return { allow: false, reason: attempt.username ? "bad_credentials" : "no_credentials" };
  const presented = hashDeviceToken(attempt.password!);
  const matches = credential?.liveTokenHash ? hashesEqual(presented, credential.liveTokenHash) : false;
  if (!credential || !matches) return { allow: false, reason: "bad_credentials" };
  if (credential.disabled || credential.archived) return { allow: false, reason: "device_disabled" };
  if (attempt.clientId.startsWith(SERVICE_CLIENT_ID_PREFIX))
    return { allow: false, reason: "reserved_client_id" };
  if (!isOwnClientId(attempt.username!, attempt.clientId))
    return { allow: false, reason: "foreign_client_id" };
  return { allow: true, identity: { kind: "device", key: attempt.username! } };
}

/** Is a connected device's token (by its hash) still its live one, and the device still in service? */
export function deviceStillAllowed(presentedHash: string, credential: DeviceCredential | null): boolean {
  return (
    credential !== null &&
    !credential.disabled &&
    !credential.archived &&
    credential.liveTokenHash !== null &&
    hashesEqual(presentedHash, credential.liveTokenHash)
  );
}

export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === 32 && left.length === right.length && timingSafeEqual(left, right);
}

export type MqttAction = "publish" | "subscribe";

export function mayAct(identity: MqttIdentity, action: MqttAction, topic: string): boolean {
  if (identity.kind === "service") return true;
  return action === "publish"
    ? deviceMayPublish(identity.key, topic)
    : deviceMaySubscribe(identity.key, topic);
}
