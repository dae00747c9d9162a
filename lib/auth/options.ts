import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

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
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, deactivatedAt: true },
        });
        // Unknown email and wrong password take the same path and time (SECURITY.md #12).
        const valid = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
        if (!user || !valid || user.deactivatedAt) {
          logger.info({ event: "login.failed", requestId }, "sign-in refused");
          return null;
        }
        logger.info({ event: "login.succeeded", userId: user.id, requestId }, "signed in");
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
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
