import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { LOGIN_RATE_LIMITED } from "@/lib/auth/constants";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { consumeRateLimit, resetRateLimit } from "@/lib/rate-limit";
import { safeRedirectUrl } from "@/lib/redirects";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

const PER_EMAIL = { points: 10, windowSeconds: 15 * 60 };
const PER_ADDRESS = { points: 100, windowSeconds: 15 * 60 };

/**
 * docs/security.md #11: attempts per email, and per client address when a trusted proxy
 * tells us the address. If the limiter itself fails, sign-in fails (closed).
 */
async function withinLoginLimits(email: string, headers: Record<string, unknown> | undefined): Promise<boolean> {
  try {
    const byEmail = await consumeRateLimit(`login:email:${email}`, PER_EMAIL);
    const forwarded = typeof headers?.["x-forwarded-for"] === "string" ? headers["x-forwarded-for"] : "";
    const address = env().TRUST_PROXY ? forwarded.split(",")[0]?.trim() : undefined;
    const byAddress = address ? await consumeRateLimit(`login:ip:${address}`, PER_ADDRESS) : { allowed: true };
    return byEmail.allowed && byAddress.allowed;
  } catch (error) {
    logger.error({ err: error }, "login rate limiter failed; refusing sign-in");
    return false;
  }
}

/** 30 days; revocation does not wait for expiry (docs/decisions/003-session-revocation.md). */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
        if (!(await withinLoginLimits(email, request?.headers))) {
          logger.warn({ event: "login.rate_limited", requestId }, "sign-in rate limited");
          throw new Error(LOGIN_RATE_LIMITED);
        }
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, deactivatedAt: true },
        });
        // Unknown email and wrong password take the same path and time (docs/security.md #12).
        const valid = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
        if (!user || !valid || user.deactivatedAt) {
          logger.info({ event: "login.failed", requestId }, "sign-in refused");
          return null;
        }
        await resetRateLimit(`login:email:${email}`);
        // "Last seen" on Admin → Users.
        await db.user.update({ where: { id: user.id }, data: { lastSeenAt: new Date() } });
        logger.info({ event: "login.succeeded", userId: user.id, requestId }, "signed in");
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // next-auth's default keeps any path and prefixes the origin; ours also resolves dot segments and encodings
    // and refuses what would leave Cairn (docs/security.md #15, #36).
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    jwt({ token, user }) {
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
