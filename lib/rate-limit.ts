import "server-only";
import { db } from "@/lib/db";

export type RateLimitRule = { points: number; windowSeconds: number };

/**
 * Counts one hit against `key` in PostgreSQL (shared by every app instance, survives
 * restarts) and says whether it is still within the rule. One atomic statement: a window
 * that has expired starts again at 1. Callers treat a thrown error as "limited" (fail closed).
 */
export async function consumeRateLimit(key: string, rule: RateLimitRule): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const [row] = await db.$queryRaw<{ points: number; expires_at: Date }[]>`
    INSERT INTO rate_limits (key, points, expires_at, created_at, updated_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${rule.windowSeconds}), now(), now())
    ON CONFLICT (key) DO UPDATE SET
      points     = CASE WHEN rate_limits.expires_at <= now() THEN 1 ELSE rate_limits.points + 1 END,
      expires_at = CASE WHEN rate_limits.expires_at <= now() THEN EXCLUDED.expires_at ELSE rate_limits.expires_at END,
      updated_at = now()
    RETURNING points, expires_at`;
  const retryAfterSeconds = Math.max(0, Math.ceil((row!.expires_at.getTime() - Date.now()) / 1000));
  return { allowed: row!.points <= rule.points, retryAfterSeconds };
}

export async function resetRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
