import mqtt from "mqtt";
import postgres from "postgres";

// Phase (c) of bench:ingest: the obvious worker — one INSERT (autocommit) per message, acked
// after it. Series ids are looked up once up front, so only the write pattern differs.
const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const series = new Map<string, number>();
for (const row of await sql<{ key: string; metric: string; id: number }[]>`
  select d.key, s.metric, s.id from series s join devices d on d.id = s.device_id where d.key like 'bench-%'`) {
  series.set(`${row.key}/${row.metric}`, row.id);
}
const client = await mqtt.connectAsync(process.env.MQTT_URL!, {
  clientId: `bench-naive-${process.pid}`,
  clean: true,
});
client.handleMessage = (packet, done) => {
  const key = packet.topic.split("/")[1];
  const { ts, values } = JSON.parse(packet.payload.toString()) as {
    ts: number;
    values: Record<string, number>;
  };
  const rows = Object.entries(values).map(([metric, value]) => ({
    series_id: series.get(`${key}/${metric}`)!,
    ts: new Date(ts),
    value,
  }));
  sql`insert into readings ${sql(rows)} on conflict do nothing`.then(
    () => done(),
    (err: Error) => done(err),
  );
};
await client.subscribeAsync("devices/+/telemetry", { qos: 1 });
console.log("ready");
