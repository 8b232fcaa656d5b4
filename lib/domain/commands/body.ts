import { z } from "zod";
import { commandProblem } from "./validate";

/** `POST /api/devices/{key}/commands`: `{"command": {…}}`, any JSON object up to 16 KiB. */
export const commandRequest = z.object(
  {
    command: z.unknown().transform((value, ctx) => {
      const problem = commandProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      return value as Record<string, unknown>;
    }),
  },
  { error: 'the body must be a JSON object: {"command": {…}}' },
);

export type CommandRequest = z.infer<typeof commandRequest>;
