import { z } from "zod";
import { DEVICE_SORTS } from "../db/queries/devices";
import { DEVICE_KEY_PATTERN } from "../../domain/telemetry/topic";

export const deviceKeySchema = z.string().regex(DEVICE_KEY_PATTERN, "not a device key");

export const deviceListQuery = z.object({
  site: z.string().max(100).optional(),
  type: z.string().max(100).optional(),
  status: z.enum(["online", "offline", "never"]).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(DEVICE_SORTS).default("name"),
});

/** Epoch milliseconds or an ISO 8601 date. */
const instant = z.union([
  z.coerce.number().int().nonnegative(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

const range = {
  metric: z.string().min(1).max(128),
  from: instant.optional(),
  to: instant.optional(),
};

/** Defaults: up to now, over the last hour. */
function withDefaultRange<T extends { from?: number; to?: number }>(q: T) {
  const to = q.to ?? Date.now();
  return { ...q, to, from: q.from ?? to - 60 * 60_000 };
}
const fromBeforeTo: [(q: { from: number; to: number }) => boolean, { message: string; path: string[] }] = [
  (q) => q.from < q.to,
  { message: "from must be before to", path: ["from"] },
];

const points = z.coerce.number().int().min(1).max(5000);

export const readingsQuery = z
  .object({ ...range, points: points.default(500) })
  .transform(withDefaultRange)
  .refine(...fromBeforeTo);

/** `GET /api/export`: raw rows, or `points` buckets as the chart shows them. */
export const exportQuery = z
  .object({ ...range, device: deviceKeySchema, points: points.optional() })
  .transform(withDefaultRange)
  .refine(...fromBeforeTo);
