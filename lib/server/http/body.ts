import { ApiError } from "./errors";

/** What a JSON body may hold at most: forms and rules are a few KiB; anything bigger is not one of ours. */
export const JSON_BODY_LIMIT = 64 * 1024;

const KIB = 1024;
const describe = (bytes: number) => (bytes % KIB === 0 ? `${bytes / KIB} KiB` : `${bytes} bytes`);

export const payloadTooLarge = (limit: number, hint = "") =>
  new ApiError(413, "payload_too_large", `The request body is larger than ${describe(limit)}.${hint}`);

/**
 * The body as text, reading at most `limit` bytes: a declared Content-Length over it is refused
 * before a byte is read, and a body that grows past it (chunked, or lying about its length) is
 * cut off there. Either way the rest is never buffered, so a 50 MB body costs the process nothing.
 */
export async function readBodyText(req: Request, limit: number, hint?: string): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw payloadTooLarge(limit, hint);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge(limit, hint);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body parsed as JSON, at most `limit` bytes (400 invalid_json when it isn't JSON). */
export async function readJsonBody(req: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const text = await readBodyText(req, limit);
  if (text.trim() === "") throw new ApiError(400, "invalid_json", "The request body is empty; send JSON.");
  return JSON.parse(text) as unknown;
}
