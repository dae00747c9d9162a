import "server-only";
import PgBoss from "pg-boss";
import type { JobDefinition, JobSummary } from "@/lib/jobs/types";
import { logger } from "@/lib/logger";
import { onShutdown } from "@/lib/shutdown";

// Jobs live in PostgreSQL through pg-boss (docs/decisions/061-jobs-on-postgresql.md): every instance may run the
// workers, pg-boss hands each job to one of them, and a restart loses nothing because nothing waits in memory.

/** Where a job that failed every retry ends up; Admin → Jobs lists it. */
export const DEAD_LETTER_QUEUE = "cairn.dead-letter";
export const JOBS_SCHEMA = "pgboss";
/** A sweep that crashes is retried three times, 30 s, then about 1 and 2 minutes later, then dead-lettered. */
const RETRY = { retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;
/** A sweep running longer than this is taken as dead and retried. */
const EXPIRE_SECONDS = 15 * 60;
/** How often an idle worker asks for work; the cron and kick() create the work. */
const POLLING_SECONDS = 5;
/** Kicks within this many seconds of each other make one run. */
const KICK_THROTTLE_SECONDS = 2;
/** How long finished jobs stay for Admin → Jobs. */
const RETENTION_MINUTES = 7 * 24 * 60;

// The app runs inside Next's server bundle and Cairn's HTTP server outside it (see lib/shutdown.ts): the running
// queue lives on globalThis so every module graph in the process finds the same one.
const HOLDER = Symbol.for("cairn.jobs");
/** The running queue, and when this process last asked for each job (kicks within the throttle window are dropped). */
type Holder = { boss?: PgBoss; lastKick?: Map<string, number> };
function holder(): Holder {
  const scope = globalThis as unknown as Record<symbol, Holder | undefined>;
  scope[HOLDER] ??= {};
  return scope[HOLDER];
}

export function runningBoss(): PgBoss | undefined {
  return holder().boss;
}

type StartOptions = {
  connectionString: string;
  definitions: readonly JobDefinition[];
  /** False: only send jobs from this process (no workers, no cron, no maintenance). */
  work?: boolean;
  /** Tests shorten the waits; production uses the defaults above. */
  retry?: { retryLimit: number; retryDelay: number; retryBackoff: boolean };
  pollingSeconds?: number;
};

/** Starts pg-boss (creating or upgrading its schema under an advisory lock), its queues, their cron and workers. */
export async function startJobs({ connectionString, definitions, ...options }: StartOptions): Promise<PgBoss> {
  const work = options.work ?? true;
  const existing = holder().boss;
  if (existing) return existing;
  const boss = new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: "cairn-jobs",
    max: 3,
    supervise: work,
    schedule: work,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  try {
    await prepare(boss, definitions, { ...options, work });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw error;
  }
  Object.assign(holder(), { boss, lastKick: new Map<string, number>() });
  onShutdown("job queue", () => stopJobs());
  return boss;
}

async function prepare(boss: PgBoss, definitions: readonly JobDefinition[], options: Omit<StartOptions, "connectionString" | "definitions">) {
  await boss.start();
  await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, policy: "standard", retentionMinutes: RETENTION_MINUTES });
  for (const definition of definitions) {
    // "stately": at most one run waiting and one running per job, however many instances and kicks.
    await boss.createQueue(definition.name, {
      name: definition.name,
      policy: "stately",
      ...(options.retry ?? RETRY),
      expireInSeconds: EXPIRE_SECONDS,
      retentionMinutes: RETENTION_MINUTES,
      deadLetter: DEAD_LETTER_QUEUE,
    });
    if (!options.work) continue;
    await boss.schedule(definition.name, definition.cron, {}, { tz: "UTC" });
    await boss.work(definition.name, { pollingIntervalSeconds: options.pollingSeconds ?? POLLING_SECONDS }, () => runDefinition(definition));
  }
}

/** Lets running jobs finish (up to 5 s), then closes the queue's connections. */
export async function stopJobs(): Promise<void> {
  const { boss } = holder();
  if (!boss) return;
  holder().boss = undefined;
  await boss.stop({ graceful: true, timeout: 5_000, wait: true });
}

async function runDefinition(definition: JobDefinition): Promise<JobSummary> {
  const started = performance.now();
  try {
    const summary = await definition.run(new Date());
    // A sweep that found nothing to do says so only at debug level: every-minute jobs would fill the log otherwise.
    const level = Object.values(summary).some((count) => count > 0) ? "info" : "debug";
    logger[level]({ job: definition.name, durationMs: Math.round(performance.now() - started), ...summary }, "job finished");
    return summary;
  } catch (error) {
    logger.error({ err: error, job: definition.name }, "job failed; it will be retried");
    throw error;
  }
}

/**
 * Asks for a run of `name` soon, e.g. right after a write that left mail to send. Never throws and never makes the
 * caller wait: if it cannot reach the queue, the job's cron picks the work up within its interval, because every
 * sweep works from rows, not from the kick.
 */
export function kick(name: string): void {
  const { boss, lastKick } = holder();
  if (!boss) return;
  // Writes kick on every notification: within the throttle window one request to the queue is enough, so the rest
  // cost nothing, not even a round trip to the database.
  const now = Date.now();
  if (now - (lastKick?.get(name) ?? 0) < KICK_THROTTLE_SECONDS * 1000) return;
  lastKick?.set(name, now);
  boss
    .sendThrottled(name, {}, {}, KICK_THROTTLE_SECONDS, "kick")
    .catch((error: unknown) => logger.warn({ err: error, job: name }, "could not queue a job run; its schedule will"));
}
