import net from "node:net";
import { Aedes } from "aedes";
import { assertPortFree } from "./ports";

export interface RunningBroker {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1, in-memory sessions). It keeps the worker's
 * persistent session while the worker restarts, for as long as this process lives.
 */
export async function startEmbeddedBroker(port: number, host = "127.0.0.1"): Promise<RunningBroker> {
  await assertPortFree(port, "embedded MQTT broker", "Set MQTT_PORT to another port, or MQTT_URL to use the broker that is already running there.");
  const broker = await Aedes.createBroker();
  const server = net.createServer(broker.handle);
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
        broker.close(() => server.close(() => resolve()));
        // close() waits for open sockets; clients are being told to go already.
        setTimeout(resolve, 2000).unref();
      }),
  };
}
