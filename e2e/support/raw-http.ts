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
  /** Send this many bytes of filler as the body, chunk by chunk, until the server answers. */
  hugeBytes?: number;
  /** With hugeBytes: declare it in Content-Length (else chunked, length unknown to the server). */
  declareLength?: boolean;
}

/**
 * An HTTP request without a browser or fetch in the way: a chosen source address, duplicate form
 * fields, a lying X-Forwarded-For, a body far larger than any route takes.
 */
export function rawRequest(url: string, req: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    if (req.hugeBytes && req.declareLength) headers["content-length"] = String(req.hugeBytes);
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
    let answered = false;
    client.on("response", () => (answered = true));
    // The server may close the connection while we are still sending: that is the point.
    client.on("error", (err) => (answered ? undefined : reject(err)));
    if (!req.hugeBytes) return client.end(req.body);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < req.hugeBytes!) {
        sent += chunk.length;
        if (!client.write(chunk)) return void client.once("drain", pump);
      }
      client.end();
    };
    pump();
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
