/**
 * Where to go after signing in: the callback when it points into this site (a path, or an
 * absolute URL on this origin, as next-auth writes it), else the fleet. Anything else would be
 * an open redirect.
 */
export function safeCallbackPath(
  callbackUrl: string | undefined,
  origin: string,
  fallback = "/overview",
): string {
  if (!callbackUrl) return fallback;
  try {
    const url = new URL(callbackUrl, origin);
    if (url.origin !== origin) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // "//evil.example" and "/\evil" are protocol-relative in browsers; URL() already resolved them, but be strict.
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
