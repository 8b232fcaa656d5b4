import type { AedesOptions, AuthenticateError, Client } from "aedes";
import { hashDeviceToken } from "../../domain/devices/credentials";
import { mayAct, type MqttIdentity } from "./decide";
import type { DeviceSession, MqttAuthenticator } from "./authenticator";
import { deviceMaySubscribe } from "./topics";

// CONNACK return codes (MQTT 3.1.1 §3.2.2.3); aedes' AuthErrorCode is a const enum we can't import.
const IDENTIFIER_REJECTED = 2;
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

export interface BrokerAuth {
  hooks: Pick<
    AedesOptions,
    "preConnect" | "authenticate" | "authorizePublish" | "authorizeSubscribe" | "authorizeForward"
  >;
  /** Disconnects device clients whose token was rotated or whose device was disabled or archived. */
  recheckDevices(): Promise<void>;
  /** Wire to aedes' `clientDisconnect`. */
  forget(client: Client): void;
}

const authError = (returnCode: number, message: string): AuthenticateError =>
  Object.assign(new Error(message), { returnCode });

/** aedes hooks that ask `authenticator` who a client is and keep each client to what it may do. */
export function createBrokerAuth(
  authenticator: MqttAuthenticator,
  onDenied: (clientId: string, reason: string) => void = () => {},
): BrokerAuth {
  const identities = new WeakMap<Client, MqttIdentity>();
  const wills = new WeakMap<Client, string>();
  // Connected devices with the hash of the token they logged in with, to notice a rotation.
  const devices = new Map<Client, DeviceSession>();
  // Client ids the service holds a session under, so a device whose key happens to be one
  // (INGEST_CLIENT_ID is free text) can't take the worker's session over. Only the service's:
  // a device's ids are its own by rule (isOwnClientId), and an entry kept for a device's
  // persistent session would lock that id's rightful owner out until the broker restarts.
  const serviceIds = new Map<string, Client>();

  const forget = (client: Client) => {
    devices.delete(client);
    // A clean session ends with the connection; a persistent one stays the service's.
    if (client.clean && serviceIds.get(client.id) === client) serviceIds.delete(client.id);
  };

  const hooks: BrokerAuth["hooks"] = {
    preConnect(client, packet, callback) {
      // aedes checks a Will only when it fires; we want it refused at CONNECT, so keep its topic.
      if (packet.will) wills.set(client, packet.will.topic);
      callback(null, true);
    },
    authenticate(client, username, password, done) {
      const attempt = { username, password: password?.toString("utf8"), clientId: client.id };
      authenticator.authenticate(attempt).then(
        (verdict) => {
          if (!verdict.allow) {
            onDenied(client.id, verdict.reason);
            const code =
              verdict.reason === "reserved_client_id" || verdict.reason === "foreign_client_id"
                ? IDENTIFIER_REJECTED
                : verdict.reason === "device_disabled"
                  ? NOT_AUTHORIZED
                  : BAD_USERNAME_OR_PASSWORD;
            return done(authError(code, verdict.reason), false);
          }
          const { identity } = verdict;
          const willTopic = wills.get(client);
          if (willTopic !== undefined && !mayAct(identity, "publish", willTopic)) {
            onDenied(client.id, "will_not_allowed");
            return done(authError(NOT_AUTHORIZED, "the Last Will must be on the device's own topics"), false);
          }
          if (identity.kind === "service") serviceIds.set(client.id, client);
          else if (serviceIds.has(client.id)) {
            onDenied(client.id, "client_id_taken");
            return done(authError(IDENTIFIER_REJECTED, "client id in use by the service"), false);
          }
          identities.set(client, identity);
          if (identity.kind === "device")
            devices.set(client, { key: identity.key, tokenHash: hashDeviceToken(attempt.password ?? "") });
          done(null, true);
        },
        (err: Error) => {
          onDenied(client.id, `lookup failed: ${err.message}`);
          done(authError(SERVER_UNAVAILABLE, "authentication unavailable"), false);
        },
      );
    },
    authorizePublish(client, packet, callback) {
      if (packet.topic.startsWith("$SYS")) return callback(new Error("$SYS topics are reserved"));
      // No client: a Will aedes found in its persistence; it was checked when its client connected.
      if (client === null) return callback(null);
      const identity = identities.get(client);
      if (identity && mayAct(identity, "publish", packet.topic)) return callback(null);
      callback(new Error(`not allowed to publish to ${packet.topic}`));
    },
    authorizeSubscribe(client, subscription, callback) {
      const identity = identities.get(client);
      // null grants QoS 128 (failure) for this filter and keeps the connection.
      callback(null, identity && mayAct(identity, "subscribe", subscription.topic) ? subscription : null);
    },
    authorizeForward(client, packet) {
      // Second line: whatever sits in a session's queue, a device only ever receives its commands.
      const identity = identities.get(client);
      if (identity?.kind === "device" && !deviceMaySubscribe(identity.key, packet.topic)) return null;
      return packet;
    },
  };

  return {
    hooks,
    forget,
    async recheckDevices() {
      // Clients that went before registering never get a clientDisconnect: drop them here.
      for (const client of devices.keys()) if (client.closed) devices.delete(client);
      const clients = [...devices.keys()];
      const allowed = await authenticator.devicesStillAllowed(clients.map((c) => devices.get(c)!));
      clients.forEach((client, i) => {
        if (allowed[i]) return;
        onDenied(client.id, "token rotated or device disabled: disconnected");
        forget(client);
        client.close();
      });
    },
  };
}
