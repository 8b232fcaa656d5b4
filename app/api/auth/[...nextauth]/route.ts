import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { audit } from "@/lib/server/audit";
import { authOptions } from "@/lib/server/auth/options";
import { clientAddress } from "@/lib/server/auth/origin";
import { getDb } from "@/lib/server/db/client";
import { checkSignInLimit } from "@/lib/server/db/queries/sign-in-limits";

const handler = NextAuth(authOptions);

export { handler as GET };

/** Sign-in attempts over the limit get 429 before the password is even looked at. */
export async function POST(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData();
    const email = String(form.get("email") ?? "");
    const ip = clientAddress(req.headers);
    const check = await checkSignInLimit(getDb().sql, email, ip);
    if (!check.allowed) {
      await audit(getDb().sql, {
        action: "auth.sign_in_throttled",
        actor: null,
        actorLabel: email.trim().toLowerCase(),
        ip,
      });
      const message = `Too many failed sign-ins. Try again in ${check.retryAfterSeconds} seconds.`;
      // `url` is what next-auth's signIn() reads to report the error to the form.
      const url = new URL(
        `/login?error=RateLimited&retryAfter=${check.retryAfterSeconds}`,
        req.nextUrl.origin,
      ).toString();
      return Response.json(
        { error: { code: "rate_limited", message }, url },
        { status: 429, headers: { "retry-after": String(check.retryAfterSeconds) } },
      );
    }
  }
  return handler(req, ctx);
}
