import { describe, expect, it } from "vitest";
import { readBodyText, readJsonBody } from "./body";
import { ApiError } from "./errors";

/** A request whose body is produced chunk by chunk, counting how much of it was pulled. */
function streamed(chunks: number, chunkBytes: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
  });
  const req = new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { req, pulled: () => pulled };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof ApiError ? { status: e.status, code: e.code } : e),
  );

describe("readBodyText", () => {
  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { req, pulled } = streamed(800, 65_536, { "content-length": String(50 * 1024 * 1024) });
    expect(await failure(readBodyText(req, 64 * 1024))).toEqual({ status: 413, code: "payload_too_large" });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("stops reading a body with no length once it passes the limit (50 MB sent, 128 KiB read)", async () => {
    const { req, pulled } = streamed(800, 65_536);
    expect(await failure(readBodyText(req, 64 * 1024))).toEqual({ status: 413, code: "payload_too_large" });
    expect(pulled()).toBeLessThanOrEqual(3);
  });

  it("reads a body up to the limit whole", async () => {
    const { req } = streamed(2, 1024);
    expect((await readBodyText(req, 2048)).length).toBe(2048);
  });
});

describe("readJsonBody", () => {
  it("parses JSON and says when there is none", async () => {
    const post = (body: string) => new Request("http://x/", { method: "POST", body });
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ a: 1 });
    expect(await failure(readJsonBody(post("")))).toEqual({ status: 400, code: "invalid_json" });
    await expect(readJsonBody(post("{"))).rejects.toBeInstanceOf(SyntaxError);
  });
});
