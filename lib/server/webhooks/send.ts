import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedTarget } from "./target";

export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  retryAfter: string | null;
}

/**
 * POSTs `body` to the resolved address (the Host header and TLS name stay the URL's), waits at
 * most `timeoutMs` for the whole exchange and reads at most 64 KiB of the answer.
 */
export function postJson(
  target: ResolvedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Hands the connection the address we checked instead of looking the name up again.
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const req = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        agent: false,
        headers: {
          "content-type": "application/json",
          "user-agent": "Fieldwatch-Webhooks/1",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) res.destroy();
        });
        const done = () =>
          finish({
            statusCode: res.statusCode ?? null,
            error: null,
            retryAfter: headerValue(res.headers["retry-after"]),
          });
        res.on("end", done);
        res.on("close", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `no answer within ${timeoutMs / 1000} s`, retryAfter: null });
      req.destroy();
    }, timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) =>
      finish({
        statusCode: null,
        error: err.code ? `${err.code}: ${err.message}` : err.message,
        retryAfter: null,
      }),
    );
    req.end(body);
  });
}

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));
