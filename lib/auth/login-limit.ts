import "server-only";
import { consumeRateLimit, refundRateLimit, resetRateLimit, type RateLimitRule } from "@/lib/db/rate-limit";

/** One sign-in attempt: the (lower-cased) email typed and the client address it came from. */
export type LoginAttempt = { email: string; address: string };

const WINDOW_SECONDS = 15 * 60;

/**
 * docs/security.md #11 and #37; the numbers are explained in docs/decisions/010.
 * - accountAddress: guesses at one account from one address — the limit a person who mistypes meets.
 * - address: attempts from one address at any accounts, so one client cannot spray passwords over many emails.
 * - account: the ceiling for one account over every address. Each address adds at most `accountAddress` points
 *   per window, so locking a person out takes about `account / accountAddress` addresses at once.
 */
export const LOGIN_LIMITS = {
  accountAddress: { points: 10, windowSeconds: WINDOW_SECONDS },
  address: { points: 100, windowSeconds: WINDOW_SECONDS },
  account: { points: 200, windowSeconds: WINDOW_SECONDS },
} as const satisfies Record<string, RateLimitRule>;

const keys = (attempt: LoginAttempt) => ({
  accountAddress: `login:account-address:${attempt.email}\u0000${attempt.address}`,
  address: `login:address:${attempt.address}`,
  account: `login:account:${attempt.email}`,
});

/**
 * Counts the attempt and says whether it may go on to the password check. The limits are checked in order and a
 * refused attempt stops there: an address that has used up its guesses at an account adds nothing more to that
 * account's ceiling, so hammering from one address cannot lock the account for everyone else.
 * Throws when the store cannot be reached; the caller refuses the sign-in.
 */
export async function admitLoginAttempt(attempt: LoginAttempt): Promise<boolean> {
  const key = keys(attempt);
  if (!(await consumeRateLimit(key.address, LOGIN_LIMITS.address)).allowed) return false;
  if (!(await consumeRateLimit(key.accountAddress, LOGIN_LIMITS.accountAddress)).allowed) return false;
  return (await consumeRateLimit(key.account, LOGIN_LIMITS.account)).allowed;
}

/**
 * A correct password: this (account, address) pair starts afresh, and the attempt's own point comes off the
 * address's count and the account's ceiling — those count failures, so a classroom behind one address signing in
 * is never refused. Earlier failures stay counted everywhere else.
 */
export async function recordLoginSuccess(attempt: LoginAttempt): Promise<void> {
  const key = keys(attempt);
  await resetRateLimit(key.accountAddress);
  await refundRateLimit(key.address);
  await refundRateLimit(key.account);
}
