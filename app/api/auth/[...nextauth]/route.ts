import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { audit } from "@/lib/server/audit";
import { authOptions } from "@/lib/server/auth/options";
import { clientAddress } from "@/lib/server/auth/origin";
import { parseSignInForm, SIGN_IN_BODY_LIMIT, signInAccount } from "@/lib/server/auth/sign-in-form";
import { getDb } from "@/lib/server/db/client";
import { checkSignInLimit } from "@/lib/server/db/queries/sign-in-limits";
import { readBodyText } from "@/lib/server/http/body";
import { toErrorResponse } from "@/lib/server/http/errors";

const handler = NextAuth(authOptions);

export { handler as GET };

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Every POST is a small form, read at most SIGN_IN_BODY_LIMIT. A credentials callback — whatever
 * else follows in the path: next-auth reads only its first two segments — is checked field by
 * field and throttled before the password is even looked at.
 */
export async function POST(req: NextRequest, ctx: Context) {
  try {
    const body = await readBodyText(req, SIGN_IN_BODY_LIMIT);
    const [action] = (await ctx.params).nextauth;
    if (action === "callback") {
      const form = parseSignInForm(req.headers.get("content-type"), body);
      const throttled = await throttle(req, signInAccount(form.get("email")));
      if (throttled) return throttled;
    }
    // next-auth reads the body itself: hand it a request with the text already read.
    return handler(new NextRequest(req.url, { method: "POST", headers: req.headers, body }), ctx);
  } catch (err) {
    return toErrorResponse(err);
  }
}

async function throttle(req: NextRequest, account: string): Promise<Response | null> {
  const { sql } = getDb();
  const ip = clientAddress(req.headers);
  const check = await checkSignInLimit(sql, account, ip);
  if (check.allowed) return null;
  await audit(sql, { action: "auth.sign_in_throttled", actor: null, actorLabel: account, ip });
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
