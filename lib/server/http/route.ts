import type { NextRequest } from "next/server";
import { readJsonBody } from "./body";
import { toErrorResponse } from "./errors";

type Handler<P> = (req: NextRequest, params: P) => Promise<Response>;

/** Wraps a route handler so every thrown error becomes a JSON error response. */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler(req, await ctx.params);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** Query-string parameters as a plain object, for zod. */
export function queryParams(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}

/** The JSON body (at most JSON_BODY_LIMIT, else 413), parsed by `schema` (400 with per-field messages when it doesn't fit). */
export async function jsonBody<T>(req: NextRequest, schema: { parse(input: unknown): T }): Promise<T> {
  return schema.parse(await readJsonBody(req));
}
