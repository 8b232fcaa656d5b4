import type { Bucket } from "../../domain/readings/bucket-plan";

/** CSV of a chart's range, as `GET /api/export` sends it: one header line, then one row per line. */
export const RAW_HEADER = "time,value,time_untrusted\n";
export const BUCKET_HEADER = "time,avg,min,max,count\n";

export function rawCsvRows(rows: { ts: Date; value: number; flags: number }[]): string {
  let out = "";
  for (const r of rows) out += `${r.ts.toISOString()},${r.value},${r.flags & 1 ? "true" : "false"}\n`;
  return out;
}

export function bucketCsvRows(buckets: Bucket[]): string {
  let out = "";
  for (const b of buckets) out += `${new Date(b.t).toISOString()},${b.avg},${b.min},${b.max},${b.count}\n`;
  return out;
}

/** `greenhouse-1_temperature_2026-11-20T10-00-00Z_2026-11-21T10-00-00Z.csv`: safe in any file system. */
export function exportFileName(deviceKey: string, metric: string, fromMs: number, toMs: number): string {
  const stamp = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/\.\d{3}/, "")
      .replaceAll(":", "-");
  return `${deviceKey}_${metric.replace(/[^A-Za-z0-9._-]/g, "-")}_${stamp(fromMs)}_${stamp(toMs)}.csv`;
}
