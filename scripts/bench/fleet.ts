import type postgres from "postgres";

/** A site, a type of 3 metrics and `devices` devices with their series (the naive worker needs the ids). */
export async function createBenchFleet(sql: postgres.Sql, devices: number): Promise<string[]> {
  const [site] = await sql<
    { id: string }[]
  >`insert into sites (slug, name) values ('bench', 'Bench') returning id`;
  const metrics = [
    { name: "temperature", min: -40, max: 85 },
    { name: "humidity", min: 0, max: 100 },
    { name: "battery", min: 0, max: 5 },
  ];
  const [type] = await sql<
    { id: string }[]
  >`insert into device_types (slug, name, metrics) values ('bench', 'Bench', ${sql.json(metrics)}) returning id`;
  const keys = Array.from({ length: devices }, (_, i) => `bench-${String(i).padStart(4, "0")}`);
  await sql`insert into devices (key, name, site_id, type_id) select k, k, ${site!.id}, ${type!.id} from unnest(${keys}::text[]) k`;
  // The naive worker needs series ids; creating them up front spares the real worker nothing that matters.
  await sql`insert into series (device_id, metric) select d.id, m from devices d, unnest(${metrics.map((m) => m.name)}::text[]) m`;
  return keys;
}
