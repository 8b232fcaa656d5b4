import type { Sql } from "../db/connect";
import { DEVICE_KEY_PATTERN } from "../../domain/telemetry/topic";
import {
  couldBeDevice,
  decideDevice,
  decideService,
  deviceStillAllowed,
  isServiceUsername,
  type ConnectAttempt,
  type ConnectVerdict,
  type DeviceCredential,
  type MqttIdentity,
  type ServiceCredentials,
} from "./decide";
import { findDeviceCredential, findDeviceCredentials } from "./device-credentials";
import { TtlCache } from "./ttl-cache";

export interface DeviceSession {
  key: string;
  tokenHash: string;
}

export interface MqttAuthenticatorOptions {
  sql: Sql;
  /** The ingest worker's and web app's credentials; unset: no service identity (only devices). */
  service?: ServiceCredentials;
  /** How long a device lookup is trusted: a rotated or disabled token stops working within this. */
  cacheMs: number;
}

/** The broker's questions, answered the same way for the embedded aedes and the HTTP endpoints. */
export interface MqttAuthenticator {
  authenticate(attempt: ConnectAttempt): Promise<ConnectVerdict>;
  /** For each connected device (key and its token's hash): is that token still live and the device in service? One query for all. */
  devicesStillAllowed(sessions: readonly DeviceSession[]): Promise<boolean[]>;
  /** The identity a broker that already authenticated `username` acts for (HTTP ACL checks): the device must still be in service. */
  identityOf(username: string | undefined): Promise<MqttIdentity | null>;
  readonly service?: ServiceCredentials;
}

export function createMqttAuthenticator(options: MqttAuthenticatorOptions): MqttAuthenticator {
  const { service } = options;
  const devices = new TtlCache<DeviceCredential | null>(options.cacheMs, (key) =>
    findDeviceCredential(options.sql, key),
  );
  return {
    service,
    async authenticate(attempt) {
      // The service never needs the database: the worker connects while PostgreSQL is down.
      if (isServiceUsername(service, attempt.username)) return decideService(service!, attempt);
      if (!couldBeDevice(attempt)) return decideDevice(attempt, null);
      return decideDevice(attempt, await devices.get(attempt.username!));
    },
    async devicesStillAllowed(sessions) {
      if (sessions.length === 0) return [];
      const found = await findDeviceCredentials(options.sql, [...new Set(sessions.map((s) => s.key))]);
      return sessions.map((s) => deviceStillAllowed(s.tokenHash, found.get(s.key) ?? null));
    },
    async identityOf(username) {
      if (username === undefined) return null;
      if (isServiceUsername(service, username)) return { kind: "service" };
      if (!DEVICE_KEY_PATTERN.test(username)) return null;
      const credential = await devices.get(username);
      const inService =
        credential !== null &&
        !credential.disabled &&
        !credential.archived &&
        credential.liveTokenHash !== null;
      return inService ? { kind: "device", key: username } : null;
    },
  };
}
