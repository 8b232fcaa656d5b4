import { z } from "zod";
import { DEVICE_KEY_PATTERN } from "../telemetry/topic";
import type { RejectReason } from "../telemetry/types";

/** Every reason a message is quarantined with, for filters and labels. */
export const REJECT_REASONS = [
  "malformed",
  "unknown_device",
  "disabled_device",
  "out_of_range",
  "too_large",
  "bad_timestamp",
  "bad_topic",
  "internal_error",
] as const satisfies readonly RejectReason[];

/** The filter GET /api/quarantine and replay-all share (query string or JSON body). */
export const quarantineFilter = z
  .object({
    device: z.string().regex(DEVICE_KEY_PATTERN, "not a device key").optional(),
    reason: z.enum(REJECT_REASONS).optional(),
    from: z.coerce.number().int().nonnegative().optional(),
    to: z.coerce.number().int().nonnegative().optional(),
    state: z.enum(["pending", "replayed", "all"]).default("pending"),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, {
    message: "must be after from",
    path: ["to"],
  });

/** A row id in a URL. */
export const quarantineId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
