import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * The loopback address to connect from (127.0.0.x): each abuse test gets an address of its
   * own, so the per-address sign-in limit it trips doesn't throttle the rest of the suite.
   */
  from?: string;
  /**
   * A body that never ends: `sendBytes` of filler are sent and the request is left open, so a
   * server that reads to the end would wait forever; one that stops at its limit answers. With
   * `declaredBytes` the Content-Length says that many are coming (else chunked, length unknown).
   * Sending no more than the server reads keeps its close clean (no reset that could swallow
   * the answer).
   */
  endless?: { sendBytes: number; declaredBytes?: number };
}

/**
 * An HTTP request without a browser or fetch in the way: a chosen source address, duplicate form
 * fields, a lying X-Forwarded-For, a body far larger than any route takes.
 */
export function rawRequest(url: string, req: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    if (req.endless?.declaredBytes) headers["content-length"] = String(req.endless.declaredBytes);
    const client = httpRequest(
      url,
      // A connection of its own (no keep-alive pool): one the server cut off mid-upload is never reused.
      { method: req.method ?? "GET", headers, localAddress: req.from, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      },
    );
    client.on("error", reject);
    if (!req.endless) return client.end(req.body);
    client.flushHeaders();
    if (req.endless.sendBytes > 0) client.write(Buffer.alloc(req.endless.sendBytes, 0x61));
  });
}

/** next-auth's CSRF token and the cookie that goes with it, fetched from `from`. */
export async function csrf(baseURL: string, from?: string): Promise<{ token: string; cookie: string }> {
  const res = await rawRequest(`${baseURL}/api/auth/csrf`, { from });
  const cookie = ([] as string[])
    .concat(res.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token: (JSON.parse(res.body) as { csrfToken: string }).csrfToken, cookie };
}

/** Posts a sign-in form, as the raw body given (fields may repeat), to `path` (a credentials callback). */
export async function postSignIn(
  baseURL: string,
  form: string,
  {
    from,
    path = "/api/auth/callback/credentials",
    headers = {},
  }: { from?: string; path?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { token, cookie } = await csrf(baseURL, from);
  return rawRequest(baseURL + path, {
    method: "POST",
    from,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body: `${form}&csrfToken=${encodeURIComponent(token)}&json=true`,
  });
}
