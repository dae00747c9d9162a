import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

// next-auth's own session-token codec, byte for byte (A256GCM under a key derived from NEXTAUTH_SECRET with HKDF),
// except that the derived key is computed once per secret instead of on every request: the proxy and the page each
// read the token, and deriving the key was a measurable share of a page's server time (docs/performance.md).

/** 30 days; revocation does not wait for expiry (docs/decisions/003-session-revocation.md). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Seconds of clock skew a token's timestamps may have, as next-auth allows. */
const CLOCK_TOLERANCE_SECONDS = 15;

const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({ token = {}, secret, maxAge = SESSION_MAX_AGE_SECONDS, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
  return payload as JWT;
}

/** The cookie next-auth keeps the session in: the `__Secure-` name when Cairn is served over https. */
export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** How next-auth sets its session cookie, for the places Cairn sets it itself. */
export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: sessionCookieName().startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  } as const;
}

export type SessionToken = { uid: string; sv: number; payload: JWT };

/** The session's identifiers from the cookie's value, or null for none, a forged or expired token. */
export async function readSessionToken(value: string | undefined): Promise<SessionToken | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!value || !secret) return null;
  const payload = await decodeSessionToken({ token: value, secret }).catch(() => null);
  if (typeof payload?.uid !== "string" || typeof payload.sv !== "number") return null;
  return { uid: payload.uid, sv: payload.sv, payload };
}

/** A session is re-issued with a fresh expiry at most once a day, on the first request after that day. */
const REFRESH_AFTER_SECONDS = 24 * 60 * 60;

/**
 * The same session with a new 30-day expiry when the token is more than a day old, else null: a person who uses
 * Cairn stays signed in, one who leaves it for 30 days is signed out.
 */
export async function refreshedSessionToken(session: SessionToken): Promise<string | null> {
  const issuedAt = typeof session.payload.iat === "number" ? session.payload.iat : 0;
  if (!process.env.NEXTAUTH_SECRET || Date.now() / 1000 - issuedAt < REFRESH_AFTER_SECONDS) return null;
  return reissuedSessionToken(session, session.sv);
}

/** The same session carrying `sessionVersion`, with a fresh expiry. */
export async function reissuedSessionToken(session: SessionToken, sessionVersion: number): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const { iat: _iat, exp: _exp, jti: _jti, ...token } = session.payload;
  return encodeSessionToken({ token: { ...token, sv: sessionVersion }, secret });
}
