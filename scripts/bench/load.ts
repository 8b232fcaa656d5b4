import mqtt, { type MqttClient } from "mqtt";

export interface Load {
  deviceKeys: string[];
  messages: number;
  /** Device time of message i is baseTs + floor(i / devices): distinct rows per device. */
  baseTs: number;
}

/** Message i: device i mod D, three metrics, ThingsBoard style (docs/mqtt.md). */
export function messageAt(load: Load, i: number): { topic: string; payload: string; ts: number } {
  const d = i % load.deviceKeys.length;
  const ts = load.baseTs + Math.floor(i / load.deviceKeys.length);
  const payload = `{"ts":${ts},"values":{"temperature":${(20 + (i % 100) / 10).toFixed(1)},"humidity":${40 + (i % 30)},"battery":${(3.1 + (i % 10) / 100).toFixed(2)}}}`;
  return { topic: `devices/${load.deviceKeys[d]}/telemetry`, payload, ts };
}

/** Message index from a reading's device and device time (inverse of messageAt). */
export function indexOf(load: Load, deviceIndex: number, ts: number): number {
  return (ts - load.baseTs) * load.deviceKeys.length + deviceIndex;
}

/**
 * Publishes every message of `load` at QoS 1 over `connections` clients, each keeping up to
 * `window` unacknowledged, as fast as they go or at `perSecond` in all. Records when each message
 * was handed to its client (epoch ms).
 */
export async function publishLoad(
  url: string,
  load: Load,
  connections: number,
  window: number,
  perSecond = Infinity,
): Promise<{ sentAt: Float64Array; startedAt: number; ackedAt: number }> {
  const clients = await Promise.all(
    Array.from({ length: connections }, (_, c) =>
      mqtt.connectAsync(url, { clientId: `bench-pub-${c}-${process.pid}`, clean: true }),
    ),
  );
  const prepared = Array.from({ length: load.messages }, (_, i) => messageAt(load, i));
  const sentAt = new Float64Array(load.messages);
  const startedAt = Date.now();
  const pace = { startedAt, perSecond };
  await Promise.all(
    clients.map((client, c) => publishShare(client, prepared, sentAt, c, connections, window, pace)),
  );
  const ackedAt = Date.now();
  await Promise.all(clients.map((client) => client.endAsync()));
  return { sentAt, startedAt, ackedAt };
}

async function publishShare(
  client: MqttClient,
  prepared: { topic: string; payload: string }[],
  sentAt: Float64Array,
  offset: number,
  stride: number,
  window: number,
  pace: { startedAt: number; perSecond: number },
) {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const acked = () => {
    inFlight -= 1;
    wake?.();
    wake = null;
  };
  for (let i = offset; i < prepared.length; i += stride) {
    while (inFlight >= window) await new Promise<void>((resolve) => (wake = resolve));
    // A steady rate: message i is due i / perSecond seconds after the start.
    const due = pace.startedAt + (i / pace.perSecond) * 1000;
    if (due > Date.now() + 1) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    inFlight += 1;
    sentAt[i] = Date.now();
    const m = prepared[i]!;
    client.publish(m.topic, m.payload, { qos: 1 }, acked);
  }
  while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
}
