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
  // Who each client id belongs to, so another identity can't take the id (and its session) over.
  const owners = new Map<string, { owner: string; client: Client }>();

  const forget = (client: Client) => {
    devices.delete(client);
    // A clean session ends with the connection; a persistent one stays its owner's.
    if (client.clean && owners.get(client.id)?.client === client) owners.delete(client.id);
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
              verdict.reason === "reserved_client_id"
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
          const owner = identity.kind === "service" ? "service" : `device:${identity.key}`;
          const current = owners.get(client.id)?.owner;
          if (current !== undefined && current !== owner) {
            onDenied(client.id, "client_id_taken");
            return done(authError(IDENTIFIER_REJECTED, "client id in use by another identity"), false);
          }
          owners.set(client.id, { owner, client });
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
