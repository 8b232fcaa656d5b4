import mqtt, { type MqttClient } from "mqtt";
import { commandAckTopic, commandTopic } from "../../lib/domain/commands/protocol";
import { answerCommand, type DeviceControls } from "./device-commands";
import type { DemoDevice, Rng } from "./fleet";
import { statusTopic, telemetryMessages } from "./payloads";

/** What all simulated devices share: timing, counters and where to report. */
export interface DeviceContext {
  mqttUrl: string;
  /** A device's MQTT password (its token); unset for a broker that lets devices in without one. */
  passwordFor?: (key: string) => string;
  intervalMs: number;
  /** Chance per tick that the device goes quiet for a while. */
  dropoutChance: number;
  counters: { sent: number };
  onConnect(): void;
  onError(key: string, err: Error): void;
}

const STOP_TIMEOUT_MS = 3000;

/**
 * One demo device with its own MQTT connection, behaving like real hardware: a retained
 * `online` on connect, a Last Will `offline`, telemetry at a jittered interval, and now and
 * then a dropout, half of them an unclean disconnect that makes the broker fire the Will.
 * It answers commands (scripts/demo/device-commands.ts), except while it has gone quiet.
 */
export class SimulatedDevice {
  private client: MqttClient | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private silentUntil = 0;
  private stopped = false;
  private controls: DeviceControls = {};

  constructor(
    readonly device: DemoDevice,
    private readonly rng: Rng,
    private readonly ctx: DeviceContext,
  ) {}

  get online(): boolean {
    return this.client?.connected ?? false;
  }

  connect(): void {
    if (this.stopped || this.client) return;
    const { key } = this.device;
    this.client = mqtt.connect(this.ctx.mqttUrl, {
      clientId: key,
      username: key,
      password: this.ctx.passwordFor?.(key),
      clean: true,
      keepalive: 30,
      // Spread so a broker restart isn't met by every device in the same millisecond.
      reconnectPeriod: 1000 + Math.round(2000 * this.rng()),
      connectTimeout: 10_000,
      will: { topic: statusTopic(key), payload: Buffer.from("offline"), qos: 1, retain: true },
    });
    this.client.on("connect", () => {
      this.client?.publish(statusTopic(key), "online", { qos: 1, retain: true });
      this.client?.subscribe(commandTopic(key), { qos: 1 });
      this.ctx.onConnect();
    });
    this.client.on("message", this.onCommand);
    this.client.on("error", (err) => this.ctx.onError(key, err));
    // First reading at a random point of the interval, so devices don't all fire together.
    this.tickTimer = setTimeout(this.tick, this.ctx.intervalMs * this.rng());
  }

  private readonly tick = (): void => {
    if (this.stopped) return;
    this.tickTimer = setTimeout(this.tick, this.ctx.intervalMs * (0.9 + 0.2 * this.rng()));
    const now = Date.now();
    const client = this.client;
    if (!client?.connected || now < this.silentUntil) return;
    if (this.rng() < this.ctx.dropoutChance) return this.dropOut(client, now);
    this.report(client, now);
  };

  private report(client: MqttClient, now: number): void {
    for (const message of telemetryMessages(this.device, now, this.rng, this.controls)) {
      client.publish(message.topic, message.payload, { qos: 1 }, (err) => {
        if (!err) this.ctx.counters.sent++;
      });
    }
  }

  /** Answers on devices/{key}/commands/ack and, when a setting changed, reports at once. */
  private readonly onCommand = (_topic: string, payload: Buffer): void => {
    const client = this.client;
    if (!client?.connected || Date.now() < this.silentUntil) return;
    const reply = answerCommand(this.device, payload, this.controls);
    if (!reply) return;
    const changed = JSON.stringify(reply.controls) !== JSON.stringify(this.controls);
    this.controls = reply.controls;
    client.publish(commandAckTopic(this.device.key), JSON.stringify(reply.answer), { qos: 1 });
    if (changed) this.report(client, Date.now());
  };

  private dropOut(client: MqttClient, now: number): void {
    const silentMs = 20_000 + Math.round(60_000 * this.rng());
    this.silentUntil = now + silentMs;
    if (this.rng() < 0.5) return; // Stays connected, just says nothing: only the inactivity timeout notices.
    // Forced end drops the socket without a DISCONNECT packet, so the broker publishes the Will.
    client.end(true);
    this.reconnectTimer = setTimeout(() => {
      if (!this.stopped) client.reconnect();
    }, silentMs);
  }

  /** Says `offline` (retained) and disconnects cleanly; gives up politely after a few seconds. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.tickTimer);
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    if (!client) return;
    if (!client.connected) {
      // Mid-dropout or unreachable: the broker already holds the Will's `offline`.
      await client.endAsync(true);
      return;
    }
    const goodbye = async () => {
      await client.publishAsync(statusTopic(this.device.key), "offline", { qos: 1, retain: true });
      await client.endAsync();
    };
    const said = await Promise.race([
      goodbye().then(
        () => true,
        () => false,
      ),
      delay(STOP_TIMEOUT_MS).then(() => false),
    ]);
    if (said) return;
    // Broker gone quiet: drop the socket (its Will says `offline` for us) rather than hang.
    client.end(true);
    client.stream?.destroy();
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
