import { writeFileSync } from "node:fs";
import http from "node:http";
import type { LiveEvent } from "../../lib/domain/live/events";

// bench:live's browsers: CLIENTS streams of GET /api/stream, client i watching device KEYS[i mod
// n]. Prints "ready" once every stream has answered; on SIGTERM writes what it received to OUT
// as flat [deviceIndex, ts, receivedAt, …] for the `temperature` metric, and exits.
const { WEB_URL, TOKEN, OUT } = process.env as Record<string, string>;
const keys = process.env.KEYS!.split(",");
const clients = Number(process.env.CLIENTS);
const keyIndex = new Map(keys.map((k, i) => [k, i]));
const received: number[] = [];
let connected = 0;

/** One stream over node:http (lighter than fetch's web streams: the clients must not be what is measured). */
function stream(key: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${WEB_URL}/api/stream?devices=${key}`,
      { headers: { authorization: `Bearer ${TOKEN}` }, agent: false },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`stream for ${key}: ${res.statusCode}`));
        }
        res.setEncoding("utf8");
        let buffer = "";
        let first = true;
        res.on("data", (chunk: string) => {
          const at = Date.now();
          if (first && ++connected === clients) console.log("ready");
          first = false;
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n")) >= 0) {
            const line = buffer.slice(0, end);
            buffer = buffer.slice(end + 1);
            if (!line.startsWith("data: ")) continue;
            const data = JSON.parse(line.slice(6)) as LiveEvent;
            if (data.type !== "readings") continue;
            const d = keyIndex.get(data.device)!;
            for (const r of data.readings) if (r.metric === "temperature") received.push(d, r.ts, at);
          }
        });
        res.on("end", resolve);
      },
    );
    req.on("error", reject);
  });
}

process.on("SIGTERM", () => {
  writeFileSync(OUT!, JSON.stringify(received));
  process.exit(0);
});
// In groups of 50, as browsers arriving over a moment rather than one burst.
for (let i = 0; i < clients; i += 50) {
  for (let j = i; j < Math.min(clients, i + 50); j++) {
    stream(keys[j % keys.length]!).catch((err: Error) => {
      console.error(err.message);
      process.exit(1);
    });
  }
  await new Promise((r) => setTimeout(r, 20));
}
