import type { Logger } from "pino";
import { demoDeviceToken } from "../../lib/domain/devices/credentials";
import { createRng, type DemoDevice } from "./fleet";
import { SimulatedDevice, type DeviceContext } from "./simulated-device";

export interface SimulatorOptions {
  mqttUrl: string;
  devices: readonly DemoDevice[];
  /** Derives each device's token (demoDeviceToken); unset: devices connect without a password. */
  tokenSecret?: string;
  /** Telemetry updates per second per device; fractions allowed (0.2 = one every 5 s). */
  rate: number;
  log: Logger;
  /** Seeds values and mishaps; defaults to the clock, so runs differ. */
  seed?: number;
  /** Devices going quiet or dropping off now and then. Default on; off gives a steady stream. */
  dropouts?: boolean;
  /** How often a summary line is logged; 0 for never. Default 10 s. */
  summaryEveryMs?: number;
  /** How long to wait for the first device to connect before giving up. Default 15 s. */
  connectTimeoutMs?: number;
}

export interface SimulatorStats {
  devices: number;
  online: number;
  /** Telemetry messages the broker acknowledged. */
  sent: number;
}

export interface Simulator {
  stop(): Promise<void>;
  stats(): SimulatorStats;
}

// On average a device drops out about once every ten minutes.
const MEAN_SECONDS_BETWEEN_DROPOUTS = 600;
// Connections are opened over at most this long, so a big fleet doesn't stampede the broker.
const CONNECT_SPREAD_MS = 5000;

/**
 * Runs the demo fleet against a broker, each device on its own connection. Resolves once the
 * first device is connected (so a wrong URL fails fast with the reason) and keeps going until
 * `stop()`, which says `offline` for every device and disconnects cleanly.
 */
export async function runSimulator(options: SimulatorOptions): Promise<Simulator> {
  const { log } = options;
  const seed = options.seed ?? Date.now();
  const counters = { sent: 0 };
  const reportedErrors = new Set<string>();
  let lastError = "";
  let markConnected = () => {};
  const firstConnect = new Promise<void>((resolve) => (markConnected = resolve));

  const ctx: DeviceContext = {
    mqttUrl: options.mqttUrl,
    passwordFor:
      options.tokenSecret === undefined ? undefined : (key) => demoDeviceToken(options.tokenSecret!, key),
    intervalMs: 1000 / options.rate,
    dropoutChance: options.dropouts === false ? 0 : 1 / (options.rate * MEAN_SECONDS_BETWEEN_DROPOUTS),
    counters,
    onConnect: () => markConnected(),
    onError: (key, err) => {
      lastError = describeError(err);
      // A broker outage hits every device at once; one line per distinct problem is enough.
      if (reportedErrors.has(lastError)) return;
      reportedErrors.add(lastError);
      log.warn({ device: key, err: lastError }, "simulated device: MQTT error (repeats are not logged)");
    },
  };
  const devices = options.devices.map((d) => new SimulatedDevice(d, createRng(seed + d.index), ctx));
  const step = Math.min(20, CONNECT_SPREAD_MS / Math.max(1, devices.length));
  const connectTimers = devices.map((device, i) => setTimeout(() => device.connect(), i * step));

  const stats = (): SimulatorStats => ({
    devices: devices.length,
    online: devices.filter((d) => d.online).length,
    sent: counters.sent,
  });
  const stopAll = async () => {
    connectTimers.forEach(clearTimeout);
    await Promise.all(devices.map((d) => d.stop()));
  };

  const timeoutMs = options.connectTimeoutMs ?? 15_000;
  let timeout: NodeJS.Timeout | undefined;
  const connected = await Promise.race([
    firstConnect.then(() => true),
    new Promise<false>((resolve) => (timeout = setTimeout(resolve, timeoutMs, false))),
  ]);
  clearTimeout(timeout);
  if (!connected) {
    await stopAll();
    throw new Error(
      `no simulated device could connect to ${options.mqttUrl} within ${timeoutMs / 1000} s${lastError ? ` (${lastError})` : ""}`,
    );
  }
  log.info(
    { devices: devices.length, rate: options.rate, mqttUrl: options.mqttUrl },
    `simulating ${devices.length} devices at ${options.rate} msg/s each`,
  );

  const summaryEveryMs = options.summaryEveryMs ?? 10_000;
  let previousSent = 0;
  const summary =
    summaryEveryMs > 0
      ? setInterval(() => {
          const now = stats();
          const perSecond = ((now.sent - previousSent) * 1000) / summaryEveryMs;
          previousSent = now.sent;
          log.info(
            now,
            `${now.sent} messages sent (${perSecond.toFixed(1)}/s), ${now.online}/${now.devices} devices online`,
          );
        }, summaryEveryMs)
      : undefined;

  let stopping: Promise<void> | undefined;
  return {
    stats,
    stop: () => {
      clearInterval(summary);
      stopping ??= stopAll().then(() =>
        log.info(stats(), `simulator stopped after ${counters.sent} messages`),
      );
      return stopping;
    },
  };
}

// Node reports a refused connection to `localhost` as an AggregateError with an empty message.
function describeError(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  return err.message || code || err.name;
}
