import mqtt from "mqtt";
import type postgres from "postgres";

/** A probe reading makes it through once the worker's subscription is in place. */
export async function waitUntilSubscribed(brokerUrl: string, sql: postgres.Sql, deviceKey: string): Promise<void> {
  const client = await mqtt.connectAsync(brokerUrl, { clientId: `bench-probe-${process.pid}` });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await client.publishAsync(`devices/${deviceKey}/telemetry/probe`, "1", { qos: 1 });
    const found = await sql`select 1 from series s join devices d on d.id = s.device_id where d.key = ${deviceKey} and s.metric = 'probe'`;
    if (found.length > 0) return void (await client.endAsync());
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the ingest worker did not subscribe within 60 s");
}
