import { authenticate } from "@/lib/server/auth/principal";
import { getDb } from "@/lib/server/db/client";
import { rawReadingsCursor } from "@/lib/server/db/queries/export";
import { readingBuckets } from "@/lib/server/db/queries/readings";
import { requireVisibleDevice } from "@/lib/server/http/device-access";
import { exportQuery } from "@/lib/server/http/device-params";
import { queryParams, route } from "@/lib/server/http/route";
import {
  BUCKET_HEADER,
  bucketCsvRows,
  exportFileName,
  RAW_HEADER,
  rawCsvRows,
} from "@/lib/server/readings/csv";

export const dynamic = "force-dynamic";

/** CSV of one metric over a range: raw rows streamed from a cursor, or `points` buckets. */
export const GET = route(async (req) => {
  const q = exportQuery.parse(queryParams(req));
  const viewer = await authenticate(req);
  const { sql } = getDb();
  const device = await requireVisibleDevice(sql, viewer, q.device);
  const range = { deviceId: device.id, metric: q.metric, fromMs: q.from, toMs: q.to };
  const headers = {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${exportFileName(device.key, q.metric, q.from, q.to)}"`,
    "cache-control": "no-store",
  };
  if (q.points) {
    const { buckets } = await readingBuckets(sql, { ...range, points: q.points });
    return new Response(BUCKET_HEADER + bucketCsvRows(buckets), { headers });
  }
  const encoder = new TextEncoder();
  const chunks = rawReadingsCursor(sql, range)[Symbol.asyncIterator]();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    // Pulled as the client reads: a slow download holds one chunk, not the whole range.
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(RAW_HEADER));
      }
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(rawCsvRows(next.value)));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return new Response(body, { headers });
});
