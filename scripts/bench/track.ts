import type postgres from "postgres";
import { decodeLivePayload, LIVE_CHANNEL } from "../../lib/server/live/channel";
import { indexOf, publishLoad, type Load } from "./load";
import { percentile } from "./stats";

/** Publishes `load` and waits for every message's commit, seen as its NOTIFY (sent inside the worker's transaction, delivered at commit). */
export async function publishAndTrack(
  sql: postgres.Sql,
  brokerUrl: string,
  load: Load,
  connections: number,
  window: number,
  perSecond?: number,
) {
  const deviceIndex = new Map(load.deviceKeys.map((k, i) => [k, i]));
  const committedAt = new Float64Array(load.messages);
  let committed = 0;
  let lastCommit = 0;
  let allCommitted!: () => void;
  const done = new Promise<void>((resolve) => (allCommitted = resolve));
  const listener = await sql.listen(LIVE_CHANNEL, (payload) => {
    const now = Date.now();
    for (const event of decodeLivePayload(payload)) {
      const d = event.type === "readings" ? deviceIndex.get(event.device) : undefined;
      if (d === undefined || event.type !== "readings") continue;
      for (const r of event.readings) {
        if (r.metric !== "temperature" || r.ts < load.baseTs || r.ts >= load.baseTs + load.messages) continue;
        committedAt[indexOf(load, d, r.ts)] = now;
        lastCommit = now;
        if (++committed === load.messages) allCommitted();
      }
    }
  });
  const { sentAt, startedAt } = await publishLoad(brokerUrl, load, connections, window, perSecond);
  const timeout = setTimeout(() => allCommitted(), 120_000);
  await done;
  clearTimeout(timeout);
  await listener.unlisten();
  if (committed < load.messages)
    throw new Error(`only ${committed} of ${load.messages} messages committed within 120 s`);
  const latencies = Array.from(committedAt, (at, i) => at - sentAt[i]!).sort((x, y) => x - y);
  return {
    rate: (load.messages / (lastCommit - startedAt)) * 1000,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}
