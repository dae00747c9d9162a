import "server-only";
import { pendingMigrations } from "@/lib/db/migrator";
import { logger } from "@/lib/logger";

export type Readiness = { ready: boolean; database: "ok" | "unreachable"; pendingMigrations: string[] };

/**
 * Answers within a load balancer's or Docker's usual 3-second probe timeout, so a database that does not answer
 * shows as a 503 rather than as a probe that timed out (docs/security.md #29).
 */
export const READINESS_TIMEOUT_MS = 2_000;

/** Uses its own short-lived connection so a full pool cannot make the probe hang. */
export async function checkReadiness(connectionString = process.env.DATABASE_URL ?? ""): Promise<Readiness> {
  try {
    const pending = await pendingMigrations(connectionString, undefined, { timeoutMs: READINESS_TIMEOUT_MS });
    return { ready: pending.length === 0, database: "ok", pendingMigrations: pending };
  } catch (error) {
    logger.warn({ err: error }, "readiness check failed");
    return { ready: false, database: "unreachable", pendingMigrations: [] };
  }
}
