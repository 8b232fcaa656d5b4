import net from "node:net";
import { Readable } from "node:stream";
import { Aedes } from "aedes";
import { createBrokerAuth } from "../../lib/server/mqtt-auth/aedes-hooks";
import type { MqttAuthenticator } from "../../lib/server/mqtt-auth/authenticator";
import { MQTT_MAX_PACKET_BYTES_DEFAULT } from "../../lib/domain/telemetry/payload";
import { limitPacketSize } from "./packet-limit";
import { assertPortFree } from "./ports";

export interface RunningBroker {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  /** Who may connect and what they may do (lib/server/mqtt-auth). Unset: anyone, anything — for tests that need an open broker. */
  authenticator?: MqttAuthenticator;
  /** How often connected devices are re-checked, so a rotated token or a disabled device is cut off. Default 3 s. */
  recheckMs?: number;
  onDenied?: (clientId: string, reason: string) => void;
  /** The largest MQTT packet a client may send; a bigger one closes its connection. Default MQTT_MAX_PACKET_BYTES_DEFAULT. */
  maxPacketBytes?: number;
  onPacketTooLarge?: (remoteAddress: string) => void;
  onRecheckFailed?: (err: Error) => void;
}

/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1, in-memory sessions). It keeps the worker's
 * persistent session while the worker restarts, for as long as this process lives. A client
 * sending a packet over `maxPacketBytes` is disconnected at its first bytes: aedes has no limit
 * of its own and would buffer whatever length a packet announces.
 */
export async function startEmbeddedBroker(
  port: number,
  host = "127.0.0.1",
  options: EmbeddedBrokerOptions = {},
): Promise<RunningBroker> {
  await assertPortFree(
    port,
    "embedded MQTT broker",
    "Set MQTT_PORT to another port, or MQTT_URL to use the broker that is already running there.",
  );
  const auth = options.authenticator ? createBrokerAuth(options.authenticator, options.onDenied) : undefined;
  const broker = await Aedes.createBroker(auth?.hooks);
  flagRedeliveries(broker);
  let recheck: NodeJS.Timeout | undefined;
  if (auth) {
    broker.on("clientDisconnect", auth.forget);
    let running = false;
    let failing = false;
    recheck = setInterval(() => {
      if (running) return;
      running = true;
      // A failed lookup (PostgreSQL away) keeps everyone connected; the next round tries again. Said once per outage.
      auth
        .recheckDevices()
        .then(
          () => (failing = false),
          (err: Error) => {
            if (!failing) options.onRecheckFailed?.(err);
            failing = true;
          },
        )
        .finally(() => (running = false));
    }, options.recheckMs ?? 3000);
    recheck.unref();
  }
  const maxPacketBytes = options.maxPacketBytes ?? MQTT_MAX_PACKET_BYTES_DEFAULT;
  const server = net.createServer((socket) => {
    const address = `${socket.remoteAddress}:${socket.remotePort}`;
    limitPacketSize(socket, maxPacketBytes, () => options.onPacketTooLarge?.(address));
    broker.handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as net.AddressInfo;
  return {
    url: `mqtt://${host}:${actual}`,
    port: actual,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(recheck);
        broker.close(() => server.close(() => resolve()));
        // close() waits for open sockets; clients are being told to go already.
        setTimeout(resolve, 2000).unref();
      }),
  };
}

interface QueuedPacket {
  dup?: boolean;
}
type OutgoingStream = (client: unknown) => Readable;

/**
 * aedes sends a persistent session's stored QoS 1 messages again on reconnect without the DUP
 * flag that MQTT 3.1.1 asks for [MQTT-3.3.1-1] (Mosquitto sets it). The ingest worker needs it:
 * a message it journaled but whose PUBACK died with it comes again, and only the flag tells it
 * to look for the quarantine row it already wrote. So every message from the stored queue is
 * flagged (one queued while the client was away too: to the worker that only means "check").
 */
function flagRedeliveries(broker: Aedes): void {
  const persistence = (broker as unknown as { persistence: { outgoingStream: OutgoingStream } }).persistence;
  const outgoingStream = persistence.outgoingStream.bind(persistence);
  persistence.outgoingStream = (client) =>
    Readable.from(
      (async function* () {
        for await (const packet of outgoingStream(client) as AsyncIterable<QueuedPacket>) {
          packet.dup = true;
          yield packet;
        }
      })(),
    );
}
