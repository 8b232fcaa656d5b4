import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics of one ingest worker, served on /metrics. */
export function createIngestMetrics() {
  const registry = new Registry();
  let journalBytes = () => 0;
  collectDefaultMetrics({ register: registry, prefix: "fieldwatch_ingest_process_" });
  const opts = { registers: [registry] };
  return {
    registry,
    received: new Counter({
      name: "fieldwatch_ingest_messages_received_total",
      help: "MQTT messages received",
      ...opts,
    }),
    written: new Counter({
      name: "fieldwatch_ingest_readings_written_total",
      help: "Readings inserted",
      ...opts,
    }),
    duplicates: new Counter({
      name: "fieldwatch_ingest_readings_duplicate_total",
      help: "Readings already stored (redeliveries)",
      ...opts,
    }),
    quarantined: new Counter({
      name: "fieldwatch_ingest_messages_quarantined_total",
      help: "Messages quarantined, by reason",
      labelNames: ["reason"] as const,
      ...opts,
    }),
    batchSize: new Histogram({
      name: "fieldwatch_ingest_batch_readings",
      help: "Readings per committed batch",
      buckets: [1, 10, 50, 100, 500, 1000, 2000, 5000, 10000],
      ...opts,
    }),
    commitSeconds: new Histogram({
      name: "fieldwatch_ingest_commit_seconds",
      help: "Time to commit one batch",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      ...opts,
    }),
    pending: new Gauge({
      name: "fieldwatch_ingest_pending_readings",
      help: "Readings waiting for the next commit",
      ...opts,
    }),
    journalBytes: new Gauge({
      name: "fieldwatch_ingest_journal_bytes",
      help: "Bytes in the journal not yet known committed",
      collect() {
        this.set(journalBytes());
      },
      ...opts,
    }),
    /** Where the journal-bytes gauge reads from at scrape time. */
    watchJournal(source: () => number) {
      journalBytes = source;
    },
    connected: new Gauge({
      name: "fieldwatch_ingest_connected",
      help: "1 when connected, by service",
      labelNames: ["service"] as const,
      ...opts,
    }),
  };
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
