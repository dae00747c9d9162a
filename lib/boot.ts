import { EnvError, env, parseServerEnv } from "@/lib/env";
import type { JobDefinition } from "@/lib/jobs/types";
import { logger } from "@/lib/logger";

/** Refuses to serve with a bad environment, with one clear line per bad variable. */
export function validateEnvironmentOrExit() {
  try {
    parseServerEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const JOBS_RETRY_MS = 30_000;

/**
 * Starts the job queue in this web server process: workers and cron unless CAIRN_JOBS=off, which still lets the
 * process queue jobs for the others. A database that is down at boot must not keep Cairn from serving (it reports
 * itself unready instead), so the queue keeps trying in the background until it starts.
 */
export async function startBackgroundJobs(definitions: readonly JobDefinition[]) {
  const { DATABASE_URL, CAIRN_JOBS } = env();
  if (!DATABASE_URL) return;
  const { startJobs } = await import("@/lib/jobs/boss");
  const attempt = async () => {
    try {
      await startJobs({ connectionString: DATABASE_URL, definitions, work: CAIRN_JOBS === "on" });
    } catch (error) {
      logger.error({ err: error, retryInMs: JOBS_RETRY_MS }, "background jobs did not start; trying again");
      setTimeout(() => void attempt(), JOBS_RETRY_MS).unref();
    }
  };
  await attempt();
}
