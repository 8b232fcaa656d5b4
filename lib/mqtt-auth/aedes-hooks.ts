import type { AedesOptions, AuthenticateError, Client } from "aedes";
import { hashDeviceToken } from "../devices/credentials";
import { mayAct, type MqttIdentity } from "./decide";
import type { MqttAuthenticator } from "./authenticator";
import { deviceMaySubscribe } from "./topics";

// CONNACK return codes (MQTT 3.1.1 §3.2.2.3); aedes' AuthErrorCode is a const enum we can't import.
const IDENTIFIER_REJECTED = 2;
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

interface Session {
  identity: MqttIdentity;
  /** Devices: the hash of the token they connected with, to notice a rotation. */
  tokenHash?: string;
}

export interface BrokerAuth {
  hooks: Pick<AedesOptions, "preConnect" | "authenticate" | "authorizePublish" | "authorizeSubscribe" | "authorizeForward">;
  /** Disconnects device clients whose token was rotated or whose device was disabled or archived. */
  recheckDevices(): Promise<void>;
  /** Wire to aedes' `clientDisconnect`. */
  forget(client: Client): void;
}

const authError = (returnCode: number, message: string): AuthenticateError => Object.assign(new Error(message), { returnCode });

/** aedes hooks that ask `authenticator` who a client is and keep each client to what it may do. */
export function createBrokerAuth(authenticator: MqttAuthenticator, onDenied: (clientId: string, reason: string) => void = () => {}): BrokerAuth {
  const sessions = new WeakMap<Client, Session>();
  const wills = new WeakMap<Client, string>();
  const devices = new Set<Client>();
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
            const code = verdict.reason === "reserved_client_id" ? IDENTIFIER_REJECTED : verdict.reason === "device_disabled" ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD;
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
          const session: Session = { identity, tokenHash: identity.kind === "device" ? hashDeviceToken(attempt.password ?? "") : undefined };
          sessions.set(client, session);
          if (identity.kind === "device") devices.add(client);
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
      const session = sessions.get(client);
      if (session && mayAct(session.identity, "publish", packet.topic)) return callback(null);
      callback(new Error(`not allowed to publish to ${packet.topic}`));
    },
    authorizeSubscribe(client, subscription, callback) {
      const session = sessions.get(client);
      // null grants QoS 128 (failure) for this filter and keeps the connection.
      callback(null, session && mayAct(session.identity, "subscribe", subscription.topic) ? subscription : null);
    },
    authorizeForward(client, packet) {
      // Second line: whatever sits in a session's queue, a device only ever receives its commands.
      const session = sessions.get(client);
      if (session?.identity.kind === "device" && !deviceMaySubscribe(session.identity.key, packet.topic)) return null;
      return packet;
    },
  };

  return {
    hooks,
    forget,
    async recheckDevices() {
      const clients = [...devices].filter((c) => !c.closed);
      const checks = clients.map((c) => sessions.get(c)!).map((s) => ({ key: (s.identity as { key: string }).key, tokenHash: s.tokenHash! }));
      const allowed = await authenticator.devicesStillAllowed(checks);
      clients.forEach((client, i) => {
        if (allowed[i]) return;
        onDenied(client.id, "token rotated or device disabled: disconnected");
        forget(client);
        client.close();
      });
    },
  };
}
