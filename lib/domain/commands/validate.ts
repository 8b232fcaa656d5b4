import { COMMAND_MAX_BYTES } from "./protocol";

/**
 * Why `value` can't be a command, or null when it can (the first problem only). Shared by the
 * API and the send form, so both say the same thing; no zod, no Buffer: it runs in the browser.
 */
export function commandProblem(value: unknown): string | null {
  if (value === undefined) return 'required: send {"command": {…}}';
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return 'must be a JSON object, e.g. {"action": "open_valve"}';
  // The id is ours: the device echoes it back, so a command may not bring one of its own.
  if ("id" in value) return '"id" is set by Fieldwatch; leave it out';
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > COMMAND_MAX_BYTES)
    return `must be at most ${COMMAND_MAX_BYTES / 1024} KiB as JSON (this one is ${Math.ceil(bytes / 1024)} KiB)`;
  return null;
}
