import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedBroker } from "../embedded/broker";
import { freePort } from "../embedded/ports";

export interface OwnBroker {
  url: string;
  protocolVersion: 4 | 5;
  kind: "mosquitto" | "aedes";
  stop(): Promise<void>;
}

/**
 * A broker this test owns. Mosquitto when installed, started with a config for the purpose:
 * its defaults (1000 queued, 20 in flight, no persistence) drop QoS 1 messages under load
 * (DESIGN §3). Otherwise the embedded aedes.
 */
export async function startOwnBroker(): Promise<OwnBroker> {
  const port = await freePort();
  if (spawnSync("mosquitto", ["-h"]).error) {
    const aedes = await startEmbeddedBroker(port);
    return { url: aedes.url, protocolVersion: 4, kind: "aedes", stop: aedes.stop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "fieldwatch-mosquitto-"));
  const config = path.join(dir, "mosquitto.conf");
  writeFileSync(
    config,
    [`listener ${port} 127.0.0.1`, "allow_anonymous true", "persistence true", `persistence_location ${dir}/`, "max_queued_messages 0", "max_inflight_messages 100", "log_dest none"].join("\n") + "\n",
  );
  const child = spawn("mosquitto", ["-c", config], { stdio: "ignore" });
  await waitForPort(port);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    protocolVersion: 5,
    kind: "mosquitto",
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
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
