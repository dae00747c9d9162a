import "server-only";
import { createHash } from "node:crypto";
import { clientAddress } from "@/lib/client-address";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

export type RateLimitRule = { points: number; windowSeconds: number };

/** Expired rows one purge deletes at most: far more than the one row a new window adds, never a long statement. */
const PURGE_BATCH = 100;

/**
 * Keys are stored as their sha256 (docs/decisions/010): every key fits the column whatever it is made of (a
 * 320-character email included), and the table holds no email addresses or client addresses in clear.
 */
function storedKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

/**
 * Deletes a bounded batch of rows whose window ended. `SKIP LOCKED` means it never waits for, nor blocks, a request
 * counting a hit on one of them, and several instances purging at once each take different rows.
 */
async function purgeExpired() {
  await db.$executeRaw`
    DELETE FROM rate_limits WHERE key IN (
      SELECT key FROM rate_limits WHERE expires_at < now() ORDER BY expires_at LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED)`;
}

/**
 * Counts one hit (or `cost` hits, e.g. one per address a request mails) against `key` in PostgreSQL (shared by every
 * app instance, survives restarts) and says whether it is still within the rule. The count is one atomic statement:
 * a window that has expired starts again. Rows only accumulate when a window starts, so each call that starts one
 * also purges a batch of expired rows, and the table holds live windows only. Callers treat a thrown error as
 * "refuse" (fail closed).
 */
export async function consumeRateLimit(key: string, rule: RateLimitRule, cost = 1): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const [row] = await db.$queryRaw<{ points: number; expires_at: Date }[]>`
    INSERT INTO rate_limits (key, points, expires_at, created_at, updated_at)
    VALUES (${storedKey(key)}, ${cost}::int, now() + make_interval(secs => ${rule.windowSeconds}), now(), now())
    ON CONFLICT (key) DO UPDATE SET
      points     = CASE WHEN rate_limits.expires_at <= now() THEN ${cost}::int ELSE rate_limits.points + ${cost}::int END,
      expires_at = CASE WHEN rate_limits.expires_at <= now() THEN EXCLUDED.expires_at ELSE rate_limits.expires_at END,
      updated_at = now()
    RETURNING points, expires_at`;
  if (row!.points === cost) await purgeExpired();
  const retryAfterSeconds = Math.max(0, Math.ceil((row!.expires_at.getTime() - Date.now()) / 1000));
  return { allowed: row!.points <= rule.points, retryAfterSeconds };
}

/**
 * Takes back one hit (or `cost`) counted in the current window: a hit that turned out not to count, e.g. a successful
 * sign-in, or a request refused for going over, so that a smaller one can still pass.
 */
export async function refundRateLimit(key: string, cost = 1) {
  await db.$executeRaw`
    UPDATE rate_limits SET points = GREATEST(points - ${cost}::int, 0), updated_at = now()
     WHERE key = ${storedKey(key)} AND expires_at > now()`;
}

export async function resetRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key: storedKey(key) } });
}

/** Stands for every request that arrives without a client address; see limiterAddress. */
export const UNKNOWN_ADDRESS = "unknown";

let warnedUnknownAddress = false;

/**
 * The address a limiter counts a request under: the one Cairn's HTTP server put in the client-address header.
 * Without it (tests, scripts, or Next started without Cairn's server in front) every request counts as the same
 * address, so per-address limits stay in force — stricter, never looser — and the first such request is logged
 * so an operator sees that clients cannot be told apart (docs/decisions/010).
 */
export function limiterAddress(headers: Parameters<typeof clientAddress>[0]): string {
  const address = clientAddress(headers);
  if (address) return address;
  if (!warnedUnknownAddress) {
    warnedUnknownAddress = true;
    logger.warn(
      { event: "rate_limit.no_client_address" },
      "a request reached a rate limit without a client address; all such requests share one limit",
    );
  }
  return UNKNOWN_ADDRESS;
}
