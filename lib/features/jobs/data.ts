import "server-only";
import { db } from "@/lib/db";
import { LIST_LIMIT } from "@/lib/features/jobs/constants";
import type { FailedDeliveries, FailedMail, JobsPage } from "@/lib/features/jobs/types";
import { describeCron, errorText, summaryText } from "@/lib/features/jobs/utils";
import type { JobDefinition } from "@/lib/jobs/types";

type RunRow = { id: string; name: string; state: string; started_on: Date | null; completed_on: Date; output: unknown };
type StateRow = { name: string; state: string; count: number };

// pg-boss moves finished runs from pgboss.job to pgboss.archive after 12 hours; a nightly job's last run is there.
async function getQueueState(names: string[]) {
  const [schema] = await db.$queryRaw<{ ready: boolean }[]>`SELECT to_regclass('pgboss.archive') IS NOT NULL AS ready`;
  if (!schema?.ready) return { ready: false, lastRuns: [], states: [], failedRuns: [] };
  const [lastRuns, states, failedRuns] = await Promise.all([
    db.$queryRaw<RunRow[]>`
      SELECT DISTINCT ON (name) id::text, name, state::text, started_on, completed_on, output
        FROM (SELECT id, name, state, started_on, completed_on, output FROM pgboss.job
               WHERE name = ANY(${names}::text[]) AND state IN ('completed', 'failed')
              UNION ALL
              SELECT id, name, state, started_on, completed_on, output FROM pgboss.archive
               WHERE name = ANY(${names}::text[]) AND state IN ('completed', 'failed')) AS runs
       ORDER BY name, completed_on DESC`,
    db.$queryRaw<StateRow[]>`
      SELECT name, state::text, count(*)::int AS count FROM pgboss.job WHERE name = ANY(${names}::text[]) GROUP BY name, state`,
    db.$queryRaw<RunRow[]>`
      SELECT id::text, name, state::text, started_on, completed_on, output
        FROM (SELECT id, name, state, started_on, completed_on, output FROM pgboss.job
               WHERE name = ANY(${names}::text[]) AND state = 'failed'
              UNION ALL
              SELECT id, name, state, started_on, completed_on, output FROM pgboss.archive
               WHERE name = ANY(${names}::text[]) AND state = 'failed') AS runs
       ORDER BY completed_on DESC
       LIMIT ${LIST_LIMIT}`,
  ]);
  return { ready: true, lastRuns, states, failedRuns };
}

async function getFailedMails(): Promise<FailedMail[]> {
  const rows = await db.mail.findMany({
    where: { status: "failed" },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: { id: true, toAddress: true, subject: true, attempts: true, lastError: true, updatedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    attempts: row.attempts,
    lastError: row.lastError,
    failedAt: row.updatedAt.toISOString(),
  }));
}

/** A webhook as the list names it: its description, else its host (the URL's path and query may hold a secret). */
function webhookLabel(description: string, url: string): string {
  if (description.trim()) return description;
  try {
    return new URL(url).host;
  } catch {
    return "Webhook";
  }
}

async function getFailedDeliveries(): Promise<FailedDeliveries> {
  const rows = await db.$queryRaw<{ webhook_id: string; description: string; url: string; count: number }[]>`
    SELECT w.id AS webhook_id, w.description, w.url, count(*)::int AS count
      FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.status = 'failed'
     GROUP BY w.id
     ORDER BY count(*) DESC, w.id
     LIMIT ${LIST_LIMIT}`;
  return {
    total: rows.reduce((sum, row) => sum + row.count, 0),
    webhooks: rows.map((row) => ({ webhookId: row.webhook_id, label: webhookLabel(row.description, row.url), count: row.count })),
  };
}

/** Admin → Jobs: every job with its last run and counts, failed runs, failed mails and failed deliveries. */
export async function getJobsPage(definitions: readonly JobDefinition[]): Promise<JobsPage> {
  const names = definitions.map((definition) => definition.name);
  const [queue, failedMails, failedDeliveries] = await Promise.all([getQueueState(names), getFailedMails(), getFailedDeliveries()]);
  const jobs = definitions.map((definition) => {
    const last = queue.lastRuns.find((run) => run.name === definition.name);
    return {
      name: definition.name,
      description: definition.description,
      schedule: describeCron(definition.cron),
      lastRun: last
        ? {
            finishedAt: last.completed_on.toISOString(),
            durationMs: last.started_on ? last.completed_on.getTime() - last.started_on.getTime() : null,
            succeeded: last.state === "completed",
            summary: last.state === "completed" ? summaryText(last.output) : errorText(last.output),
          }
        : null,
      states: queue.states.filter((row) => row.name === definition.name).map(({ state, count }) => ({ state, count })),
    };
  });
  return {
    queueReady: queue.ready,
    jobs,
    failedRuns: queue.failedRuns.map((run) => ({ id: run.id, name: run.name, failedAt: run.completed_on.toISOString(), error: errorText(run.output) })),
    failedMails,
    failedDeliveries,
  };
}
