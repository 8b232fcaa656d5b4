import { encode, getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { SESSION_MAX_AGE_S } from "./options";

/**
 * Re-issues the caller's own session cookie at the user's new session version, so the browser
 * that changed its password stays signed in while every other session ends. Same cookie name and
 * attributes as next-auth's (Secure and __Secure- prefixed when NEXTAUTH_URL is https).
 */
export async function renewSessionCookie(req: NextRequest, version: number): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET!;
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const token = await getToken({ req, secret, secureCookie: secure });
  if (!token) return;
  const value = await encode({ token: { ...token, sv: version }, secret, maxAge: SESSION_MAX_AGE_S });
  (await cookies()).set(`${secure ? "__Secure-" : ""}next-auth.session-token`, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: SESSION_MAX_AGE_S,
  });
}
