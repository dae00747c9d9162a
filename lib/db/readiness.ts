import "server-only";
import { pendingMigrations } from "@/lib/db/migrator";
import { logger } from "@/lib/logger";

export type Readiness = { ready: boolean; database: "ok" | "unreachable"; pendingMigrations: string[] };

/** Uses its own short-lived connection so a full pool cannot make the probe hang. */
export async function checkReadiness(connectionString = process.env.DATABASE_URL ?? ""): Promise<Readiness> {
  try {
    const pending = await pendingMigrations(connectionString);
    return { ready: pending.length === 0, database: "ok", pendingMigrations: pending };
  } catch (error) {
    logger.warn({ err: error }, "readiness check failed");
    return { ready: false, database: "unreachable", pendingMigrations: [] };
  }
}
