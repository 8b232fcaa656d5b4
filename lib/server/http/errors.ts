import { inspect } from "node:util";
import { ZodError } from "zod";
import { redactSecrets } from "../../domain/redact";

/** An error a route handler answers with `{error: {code, message, fields?}}` and its status. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** Per-field messages for forms to show next to the field. */
    public readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

export const notFound = (what: string) => new ApiError(404, "not_found", `No ${what}.`);
export const forbidden = (message = "You don't have permission to do that.") =>
  new ApiError(403, "forbidden", message);

export function toErrorResponse(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.code, err.message, err.fields);
  if (err instanceof ZodError) {
    const fields = Object.fromEntries(err.issues.map((i) => [i.path.join(".") || "request", i.message]));
    const message = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ");
    return errorResponse(400, "invalid_request", message, fields);
  }
  if (err instanceof SyntaxError)
    return errorResponse(400, "invalid_json", "The request body is not valid JSON.");
  // The error may quote a request's URL, and so the broker secret in its query.
  console.error(redactSecrets(inspect(err)));
  return errorResponse(500, "internal", "Something went wrong on our side.");
}
