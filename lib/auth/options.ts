import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { LOGIN_DEACTIVATED, LOGIN_RATE_LIMITED, LOGIN_SSO_ONLY, LOGIN_UNAVAILABLE } from "@/lib/auth/constants";
import { admitLoginAttempt, recordLoginSuccess } from "@/lib/auth/login-limit";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { limiterAddress } from "@/lib/db/rate-limit";
import { safeRedirectUrl } from "@/lib/redirects";
import { decodeSessionToken, encodeSessionToken, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-token";
import { nextAuthSsoProviders } from "@/lib/auth/sso-providers";
import { passwordSignInRefused } from "@/lib/auth/sso-settings";
import { env } from "@/lib/env";

/**
 * The Cairn account a single sign-on resolved to. The sign-in callback (`app/api/auth/[...nextauth]/route.ts`, where
 * the matching rules of lib/features/sso run) sets it on the profile object next-auth then hands to the JWT callback;
 * without it an OAuth sign-in never gets a session.
 */
export type SsoResolvedUser = { cairn?: { id: string; email: string; name: string; sessionVersion: number } };

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/**
 * The limiter's store or the database could not be reached: the sign-in is refused (fails closed) with a code the
 * form shows as "unavailable" (docs/security.md #11). next-auth hands a thrown message to the browser, so it is never
 * the underlying error's own text.
 */
function refuseUnavailable(error: unknown, requestId: string | undefined): never {
  logger.error({ err: error, event: "login.unavailable", requestId }, "sign-in could not be checked; refusing");
  throw new Error(LOGIN_UNAVAILABLE);
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const requestId = request?.headers?.["x-request-id"] as string | undefined;
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const attempt = { email, address: limiterAddress(request?.headers) };
        let admitted: boolean;
        try {
          admitted = await admitLoginAttempt(attempt);
        } catch (error) {
          refuseUnavailable(error, requestId);
        }
        if (!admitted) {
          logger.warn({ event: "login.rate_limited", requestId }, "sign-in rate limited");
          throw new Error(LOGIN_RATE_LIMITED);
        }
        let user: { id: string; email: string; name: string; sessionVersion: number; deactivatedAt: Date | null; isAdmin: boolean } | null;
        let ssoOnly: boolean;
        try {
          const found = await db.user.findUnique({
            where: { email },
            select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, deactivatedAt: true, isAdmin: true },
          });
          // Unknown email and wrong password take the same path and time (docs/security.md #12).
          const valid = await verifyPassword(found?.passwordHash ?? (await timingDummyHash()), password);
          user = found && valid ? found : null;
          ssoOnly = user !== null && (await passwordSignInRefused());
        } catch (error) {
          refuseUnavailable(error, requestId);
        }
        if (!user) {
          logger.info({ event: "login.failed", requestId }, "sign-in refused");
          return null;
        }
        // Said only to someone who typed the right password, so it tells nothing about accounts to a guesser.
        if (user.deactivatedAt) {
          logger.info({ event: "login.deactivated", userId: user.id, requestId }, "sign-in refused: account deactivated");
          throw new Error(LOGIN_DEACTIVATED);
        }
        // Admins keep their password when only single sign-on is allowed, so a broken provider cannot lock the
        // instance out (docs/decisions/057); said only after the right password, like "deactivated".
        if (ssoOnly && !user.isAdmin) {
          logger.info({ event: "login.sso_only", userId: user.id, requestId }, "password sign-in refused: single sign-on only");
          throw new Error(LOGIN_SSO_ONLY);
        }
        try {
          await recordLoginSuccess(attempt);
          // "Last seen" on Admin → Users.
          await db.user.update({ where: { id: user.id }, data: { lastSeenAt: new Date() } });
        } catch (error) {
          refuseUnavailable(error, requestId);
        }
        logger.info({ event: "login.succeeded", userId: user.id, requestId }, "signed in");
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
    ...nextAuthSsoProviders(env()),
  ],
  callbacks: {
    // Only the sign-in callback of the auth route, which runs the matching rules, lets a single sign-on through.
    signIn({ account, user }) {
      return account?.type !== "oauth" || !!(user as SsoResolvedUser).cairn;
    },
    // next-auth's default keeps any path and prefixes the origin; ours also resolves dot segments and encodings
    // and refuses what would leave Cairn (docs/security.md #15, #36).
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    jwt({ token, user, account }) {
      const resolved = account?.type === "oauth" ? (user as SsoResolvedUser | undefined)?.cairn : undefined;
      if (account?.type === "oauth" && !resolved) throw new Error("single sign-on without a resolved Cairn account");
      if (resolved) {
        // The provider's own subject, name and email stay out of the session: it is Cairn's account that signed in.
        return { sub: resolved.id, name: resolved.name, email: resolved.email, uid: resolved.id, sv: resolved.sessionVersion };
      }
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      // Only identifiers travel to the client; roles are always read from the database.
      return { expires: session.expires, uid: token.uid, sv: token.sv } as typeof session;
    },
  },
  events: {
    // Signing out bumps the session version, so every JWT issued before stops working at once.
    async signOut({ token }) {
      if (typeof token?.uid === "string") {
        await db.user.updateMany({ where: { id: token.uid }, data: { sessionVersion: { increment: 1 } } });
      }
    },
  },
};
