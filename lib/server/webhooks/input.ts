import { z } from "zod";
import { urlProblem } from "./target";

const url = z
  .string()
  .trim()
  .max(2000)
  .superRefine((text, ctx) => {
    const problem = urlProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A new endpoint: what it's called, where it points, which site's alerts it may carry. */
export const webhookCreateInput = z.object({
  name: z.string().trim().min(1, "required").max(120),
  url,
  site: z.string().min(1, "required"),
});

/** A change: rename, repoint, switch off/on, or `paused: false` to resume from a pause. */
export const webhookPatchInput = z.object({
  name: z.string().trim().min(1, "required").max(120).optional(),
  url: url.optional(),
  enabled: z.boolean().optional(),
  paused: z.literal(false, "only false: an endpoint is paused by its failures, resumed by hand").optional(),
});

export type WebhookPatch = z.infer<typeof webhookPatchInput>;
