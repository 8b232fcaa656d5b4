import mqtt from "mqtt";
import type postgres from "postgres";

let probes = 0;

/** A probe reading makes it through once the worker's subscription is in place (a new metric each call: a restarted worker must prove itself again). */
export async function waitUntilSubscribed(
  brokerUrl: string,
  sql: postgres.Sql,
  deviceKey: string,
): Promise<void> {
  const metric = `probe-${process.pid}-${++probes}`;
  const client = await mqtt.connectAsync(brokerUrl, { clientId: `bench-probe-${process.pid}` });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await client.publishAsync(`devices/${deviceKey}/telemetry/${metric}`, "1", { qos: 1 });
    const found =
      await sql`select 1 from series s join devices d on d.id = s.device_id where d.key = ${deviceKey} and s.metric = ${metric}`;
    if (found.length > 0) return void (await client.endAsync());
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the ingest worker did not subscribe within 60 s");
}

/** Ends a worker's persistent session, so the broker stops queueing for it once a phase is over. */
export async function forgetSession(brokerUrl: string, clientId: string): Promise<void> {
  const client = await mqtt.connectAsync(brokerUrl, { clientId, clean: true });
  await client.endAsync();
}
