import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { Logger } from "pino";
import { connectDb } from "../lib/server/db/connect";
import { DeviceDirectory } from "./device-directory";
import { Journal, type JournalOptions } from "./journal";
import { startWebhookDelivery, type DeliveryOptions } from "../lib/server/webhooks";
import { startAlerting, type AlertingOptions } from "./alerting";
import { startConnectivitySweep } from "./connectivity-sweep";
import { createMessageHandler } from "./handler";
import { startIngestHttp } from "./http";
import { createIngestMetrics, type IngestMetrics } from "./metrics";
import { connectIngestMqtt, type IngestMqttOptions } from "./mqtt";
import { BatchWriter, type WriterOptions } from "./writer";

export interface IngestWorkerConfig {
  databaseUrl: string;
  mqtt: IngestMqttOptions;
  writer: WriterOptions;
  deviceCacheTtlMs: number;
  /** How often silent devices are looked for (their timeouts are per device, in seconds). */
  connectivitySweepMs: number;
  alerting: AlertingOptions;
  /** Webhook delivery (the outbox the alerts fill): schedule, timeouts, private addresses. */
  webhooks?: Partial<DeliveryOptions>;
  journal: Omit<JournalOptions, "segmentBytes">;
  /** 0 or undefined: no HTTP endpoint (tests). */
  httpPort?: number;
  /** The address /metrics and /healthz listen on; default loopback (INGEST_HTTP_HOST). */
  httpHost?: string;
}

export interface IngestWorker {
  /** Stops taking messages, commits what was taken, closes connections. */
  stop(): Promise<void>;
  readonly writer: BatchWriter;
  readonly metrics: IngestMetrics;
}

/** Wires config → database → writer → MQTT → HTTP. The process entry point is ingest/index.ts. */
export async function startIngestWorker(config: IngestWorkerConfig, log: Logger): Promise<IngestWorker> {
  const db = connectDb(config.databaseUrl, { max: 4, applicationName: "fieldwatch-ingest" });
  const metrics = createIngestMetrics();
  const writer = new BatchWriter(db.sql, metrics, log, config.writer);
  const directory = new DeviceDirectory(db.sql, config.deviceCacheTtlMs);
  const handler = createMessageHandler({ directory, writer, metrics, log });
  const { journal, leftovers } = Journal.open({ ...config.journal, segmentBytes: 4 * 1_048_576 });
  if (leftovers.segments > 0) {
    // Acknowledged before the last run ended but maybe not committed: write them first.
    let replayed = 0;
    for (const record of leftovers.records) {
      await writer.waitForRoom();
      await handler(record);
      writer.hold(record.release);
      replayed += 1;
    }
    await writer.flush();
    log.info({ messages: replayed, segments: leftovers.segments }, "replayed the journal");
  }
  metrics.watchJournal(() => journal.bytes);
  // Journaled (written into the kernel, so a killed worker keeps it) before it is acknowledged.
  // Back-pressure waits *before* a message is taken: a message journaled, then held unacked
  // while its batch commits, would come again from the broker after a crash and be kept twice
  // where rows can't be deduplicated (quarantine).
  const durableHandler = async (topic: string, payload: Buffer, redelivered: boolean) => {
    await writer.waitForRoom();
    await journal.waitForBudget();
    const message = { messageId: randomUUID(), topic, payload, receivedAt: Date.now(), redelivered };
    const release = journal.append(message);
    await handler(message);
    writer.hold(release);
  };
  // Rules first, so the first readings taken are evaluated against them.
  const alerting = startAlerting(db.sql, writer, log, config.alerting);
  await alerting.ready;
  const client = connectIngestMqtt(config.mqtt, durableHandler, () => journal.writePending(), metrics, log);
  const sweep = startConnectivitySweep(db.sql, config.connectivitySweepMs, log);
  const webhooks = startWebhookDelivery(db.sql, log, config.webhooks);
  let http: Server | undefined;
  if (config.httpPort) {
    http = await startIngestHttp({ port: config.httpPort, host: config.httpHost }, metrics, {
      mqttConnected: () => client.connected,
      dbHealthy: () => writer.dbHealthy,
      pending: () => writer.pending,
    });
  }
  return {
    writer,
    metrics,
    async stop() {
      // Stop the flow first, then commit what was already acknowledged.
      await client.endAsync(false);
      await writer.flush();
      await sweep.stop();
      await alerting.stop();
      await webhooks.stop();
      journal.close();
      await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
      await db.close();
    },
  };
}
