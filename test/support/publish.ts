import type { MqttClient } from "mqtt";

/**
 * Publishes readings number `from` … `to - 1` of `metric` as QoS 1 ThingsBoard messages: value =
 * its number, device time = `baseMs` + its number (so every one is a distinct row). At most
 * 500 unacknowledged at a time.
 */
export async function publishNumbered(
  publisher: MqttClient,
  deviceKey: string,
  metric: string,
  baseMs: number,
  from: number,
  to: number,
): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const numbers = Array.from({ length: Math.min(500, to - start) }, (_, j) => start + j);
    await Promise.all(
      numbers.map((n) =>
        publisher.publishAsync(
          `devices/${deviceKey}/telemetry`,
          JSON.stringify({ ts: baseMs + n, values: { [metric]: n } }),
          { qos: 1 },
        ),
      ),
    );
  }
}
