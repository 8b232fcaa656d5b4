import { z } from "zod";
import { DEVICE_SORTS } from "../db/queries/devices";
import { DEVICE_KEY_PATTERN } from "../telemetry/topic";

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
const instant = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]);

export const readingsQuery = z
  .object({
    metric: z.string().min(1).max(128),
    from: instant.optional(),
    to: instant.optional(),
    points: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .transform((q) => {
    const to = q.to ?? Date.now();
    return { ...q, to, from: q.from ?? to - 60 * 60_000 };
  })
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["from"] });
