import { inject } from "vitest";
import { startIngestWorker, type IngestWorker } from "../../ingest/worker";
import { createLogger } from "../../lib/server/log";
import { uniqueId } from "./fixtures";
import { testWorkerConfig } from "./ingest-config";

/** The real ingest worker on this run's database and broker (a shared group of its own on MQTT 5). */
export function startSuiteWorker(): Promise<IngestWorker> {
  const protocolVersion = inject("mqttProtocolVersion");
  return startIngestWorker(
    testWorkerConfig(inject("databaseUrl"), {
      url: inject("mqttUrl"),
      protocolVersion,
      sharedGroup: protocolVersion === 5 ? `it${uniqueId()}` : "",
    }),
    createLogger("ingest-test", "warn"),
  );
}
