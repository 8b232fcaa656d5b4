import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import type { NextRequest } from "next/server";

/** The request's own origin, as the browser would name it, and NEXTAUTH_URL's. */
function allowedOrigins(req: NextRequest): Set<string> {
  const origins = new Set<string>();
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  if (host) origins.add(`${proto}://${host}`);
  if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}

/** True for requests a page of this app made (Origin matches, or the browser says same-origin). */
export function isSameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (origin) return allowedOrigins(req).has(origin);
  return req.headers.get("sec-fetch-site") === "same-origin";
}

/**
 * The caller's address as the web server established it (socket peer, or through TRUST_PROXY's
 * proxies); null when the app runs without that server (`next dev`).
 */
export function clientAddress(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER);
}
