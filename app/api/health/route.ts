import { getDb } from "@/lib/server/db/client";
import { loadEnv } from "@/lib/server/env";
import { brokerReachable, databaseReachable } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** Public on purpose (load balancers): says only whether the dependencies answer. */
export async function GET() {
  const [db, mqtt] = await Promise.all([databaseReachable(getDb().sql), brokerReachable(loadEnv().MQTT_URL)]);
  return Response.json(
    { status: db ? (mqtt ? "ok" : "degraded") : "down", db, mqtt },
    { status: db ? 200 : 503 },
  );
}
