import { INGEST_NODE_ARGS } from "../../ingest/node-args";
import { freePort } from "../embedded/ports";
import { spawnScript, type Child } from "./children";

/** The real ingest worker as its own process, as production runs it, against the bench's broker and database. */
export async function spawnBenchWorker(o: {
  databaseUrl: string;
  broker: { url: string; protocolVersion: number };
  clientId: string;
  journalDir: string;
  profile?: boolean;
}): Promise<Child> {
  return spawnScript(
    "ingest/index.ts",
    {
      DATABASE_URL: o.databaseUrl,
      MQTT_URL: o.broker.url,
      MQTT_PROTOCOL_VERSION: String(o.broker.protocolVersion),
      MQTT_SHARED_GROUP: "",
      INGEST_CLIENT_ID: o.clientId,
      INGEST_JOURNAL_DIR: o.journalDir,
      INGEST_HTTP_PORT: String(await freePort()),
      LOG_LEVEL: "warn",
    },
    [...INGEST_NODE_ARGS, ...(o.profile ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [])],
  );
}
