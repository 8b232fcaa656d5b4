import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { audit } from "../audit";
import { getDb } from "../db/client";
import { recordSignInFailure } from "../db/queries/sign-in-limits";
import { findUserByEmail } from "../db/queries/users";
import { clientAddress } from "./origin";
import { signInAccount } from "./sign-in-form";
import { burnPasswordCheck, verifyPassword } from "./password";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * next-auth: email + password, JWT session cookie (HttpOnly, SameSite=Lax, Secure on https).
 * The user is re-loaded from the database on every request, so disabling or a role change
 * takes effect at once, and the cookie's session version (`sv`) must still be the user's: a
 * password change or "sign out everywhere" raises it (lib/server/auth/viewer.ts).
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const email = signInAccount(credentials?.email);
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const { sql, orm } = getDb();
        const ip = clientAddress(new Headers(req?.headers as Record<string, string> | undefined));
        const user = await findUserByEmail(orm, email);
        const ok =
          user && !user.disabledAt
            ? await verifyPassword(user.passwordHash, password)
            : (await burnPasswordCheck(password), false);
        if (!ok || !user) {
          await recordSignInFailure(sql, email, ip);
          await audit(sql, {
            action: "auth.sign_in_failed",
            actor: null,
            actorLabel: email,
            ip,
            details: { reason: user?.disabledAt ? "disabled" : "bad_credentials" },
          });
          return null;
        }
        await audit(sql, { action: "auth.sign_in", actor: { id: user.id, email: user.email }, ip });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sv: token.sv ?? 0 });
      return session;
    },
  },
};
