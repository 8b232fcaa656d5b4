import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedBroker } from "../../scripts/embedded/broker";
import { freePort } from "../../scripts/embedded/ports";

export interface OwnBroker {
  url: string;
  protocolVersion: 4 | 5;
  kind: "mosquitto" | "aedes";
  /** Stops and starts the broker on the same port (Mosquitto keeps sessions on disk). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A broker this test owns. Mosquitto when installed, started with a config for the purpose:
 * its defaults (1000 queued, 20 in flight, no persistence) drop QoS 1 messages under load
 * (docs/architecture.md, "Guarantees"). Otherwise the embedded aedes.
 */
export async function startOwnBroker(): Promise<OwnBroker> {
  const port = await freePort();
  if (spawnSync("mosquitto", ["-h"]).error) {
    let aedes = await startEmbeddedBroker(port);
    return {
      url: aedes.url,
      protocolVersion: 4,
      kind: "aedes",
      restart: async () => {
        await aedes.stop();
        aedes = await startEmbeddedBroker(port);
      },
      stop: () => aedes.stop(),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "fieldwatch-mosquitto-"));
  // Started as root, Mosquitto drops to its own user, which must be able to write its persistence file.
  chmodSync(dir, 0o777);
  const config = path.join(dir, "mosquitto.conf");
  writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      "allow_anonymous true",
      "persistence true",
      `persistence_location ${dir}/`,
      "max_queued_messages 0",
      "max_inflight_messages 100",
      "log_dest none",
    ].join("\n") + "\n",
  );
  let child = spawn("mosquitto", ["-c", config], { stdio: "ignore" });
  await waitForPort(port);
  const terminate = async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM"); // Mosquitto writes its persistence file on the way out
    await exited;
  };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    protocolVersion: 5,
    kind: "mosquitto",
    restart: async () => {
      await terminate();
      child = spawn("mosquitto", ["-c", config], { stdio: "ignore" });
      await waitForPort(port);
    },
    stop: async () => {
      await terminate();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`mosquitto did not listen on ${port}`);
}
