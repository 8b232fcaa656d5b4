import { z } from "zod";

/** A webhook URL as people may enter it: http(s), no credentials in it. Null when fine. */
export function urlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https:// or http://";
  if (url.username || url.password) return "must not contain a user name or password";
  return null;
}

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
