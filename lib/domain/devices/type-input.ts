import { z } from "zod";
import { isValidMetricName } from "../telemetry/topic";

const metricSpec = z
  .object({
    name: z.string().trim().refine(isValidMetricName, "letters, digits, _ . - (at most 128)"),
    label: z.string().trim().max(80).optional(),
    unit: z.string().trim().max(20).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    precision: z.number().int().min(0, "0 to 6 decimals").max(6, "0 to 6 decimals").optional(),
    // Shown as a column of the fleet table.
    key: z.boolean().optional(),
  })
  .refine((m) => m.min === undefined || m.max === undefined || m.min < m.max, {
    message: "min must be below max",
    path: ["min"],
  });

const typeFields = {
  name: z.string().trim().min(1, "required").max(120),
  inactivityTimeoutS: z
    .number()
    .int()
    .min(10, "at least 10 seconds")
    .max(30 * 86_400, "at most 30 days"),
  metrics: z
    .array(metricSpec)
    .max(100)
    .refine((ms) => new Set(ms.map((m) => m.name)).size === ms.length, { message: "each metric name once" }),
};

export const newDeviceTypeInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and dashes"),
  ...typeFields,
  inactivityTimeoutS: typeFields.inactivityTimeoutS.default(300),
  metrics: typeFields.metrics.default([]),
});

export const deviceTypeChangesInput = z.object(typeFields).partial();
