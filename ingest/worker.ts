import type { Server } from "node:http";
import type { Logger } from "pino";
import { connectDb } from "../lib/db/connect";
import { DeviceDirectory } from "./device-directory";
import { createMessageHandler } from "./handler";
import { startIngestHttp } from "./http";
import { createIngestMetrics } from "./metrics";
import { connectIngestMqtt, type IngestMqttOptions } from "./mqtt";
import { BatchWriter, type WriterOptions } from "./writer";

export interface IngestWorkerConfig {
  databaseUrl: string;
  mqtt: IngestMqttOptions;
  writer: WriterOptions;
  deviceCacheTtlMs: number;
  /** 0 or undefined: no HTTP endpoint (tests). */
  httpPort?: number;
}

export interface IngestWorker {
  /** Stops taking messages, commits what was taken, closes connections. */
  stop(): Promise<void>;
  readonly writer: BatchWriter;
}

/** Wires config → database → writer → MQTT → HTTP. The process entry point is ingest/index.ts. */
export async function startIngestWorker(config: IngestWorkerConfig, log: Logger): Promise<IngestWorker> {
  const db = connectDb(config.databaseUrl, { max: 4, applicationName: "fieldwatch-ingest" });
  const metrics = createIngestMetrics();
  const writer = new BatchWriter(db.sql, metrics, log, config.writer);
  const directory = new DeviceDirectory(db.sql, config.deviceCacheTtlMs);
  const handler = createMessageHandler({ directory, writer, metrics, log });
  const client = connectIngestMqtt(config.mqtt, handler, metrics, log);
  let http: Server | undefined;
  if (config.httpPort) {
    http = await startIngestHttp(config.httpPort, metrics, {
      mqttConnected: () => client.connected,
      dbHealthy: () => writer.dbHealthy,
      pending: () => writer.pending,
    });
  }
  return {
    writer,
    async stop() {
      // Stop the flow first, then commit what was already acknowledged.
      await client.endAsync(false);
      await writer.flush();
      await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
      await db.close();
    },
  };
}
