import { ZodError } from "zod";

/** An error a route handler answers with `{error: {code, message}}` and its status. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

export function toErrorResponse(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.code, err.message);
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ");
    return errorResponse(400, "invalid_request", message);
  }
  console.error(err);
  return errorResponse(500, "internal", "Something went wrong on our side.");
}
