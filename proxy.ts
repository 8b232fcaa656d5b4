import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Convenience only: a page request with no session cookie goes to the sign-in page with the
 * page it wanted as `callbackUrl`. The real checks are in the pages and route handlers.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  // Pages only: not the API (401 JSON there), the sign-in page, or static assets.
  matcher: ["/((?!api/|login|set-password/|_next/|favicon.ico|.*\\.(?:png|svg|ico|jpg|css|js)$).*)"],
};
