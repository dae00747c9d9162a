import "server-only";
import { db } from "@/lib/db";
import { DEAD_LETTER_QUEUE } from "@/lib/jobs/boss";
import type { DatabaseGauges } from "@/lib/features/metrics/types";

// What the database says at scrape time (docs/operations.md, "Metrics"): four statements whatever the number of
// cohorts, attempts, mails or jobs, each an aggregate over an index — a scrape every few seconds costs little.

type CohortRow = { cohort_id: string; waiting: number; overdue: number; oldest_seconds: number };
type StatusRow = { source: "mail" | "delivery"; status: string; count: number };
type JobRow = { name: string; state: string; count: number };

/**
 * Review queue per active cohort (attempts waiting from current learners, as in the queue itself), mails and webhook
 * deliveries by status, and jobs by queue and state (none until the job queue has created its schema).
 */
export async function getDatabaseGauges(now: Date): Promise<DatabaseGauges> {
  const [cohorts, statuses, [schema]] = await Promise.all([
    db.$queryRaw<CohortRow[]>`
      WITH waiting AS (
        SELECT m.cohort_id, s.created_at
          FROM submissions s
          JOIN progress p ON p.id = s.progress_id
          JOIN memberships m ON m.id = p.membership_id
         WHERE s.status = 'pending' AND m.removed_at IS NULL
      )
      SELECT c.id AS cohort_id, count(w.created_at)::int AS waiting,
             count(w.created_at) FILTER (
               WHERE w.created_at < ${now}::timestamptz - make_interval(hours => c.review_target_hours)
             )::int AS overdue,
             COALESCE(EXTRACT(EPOCH FROM ${now}::timestamptz - min(w.created_at)), 0)::float8 AS oldest_seconds
        FROM cohorts c
        LEFT JOIN waiting w ON w.cohort_id = c.id
       WHERE c.archived_at IS NULL
       GROUP BY c.id
       ORDER BY c.id`,
    db.$queryRaw<StatusRow[]>`
      SELECT 'mail' AS source, status::text, count(*)::int AS count FROM mails GROUP BY status
      UNION ALL
      SELECT 'delivery', status::text, count(*)::int FROM webhook_deliveries GROUP BY status`,
    db.$queryRaw<{ ready: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS ready`,
  ]);
  const jobs = schema?.ready
    ? await db.$queryRaw<JobRow[]>`SELECT name, state::text, count(*)::int AS count FROM pgboss.job GROUP BY name, state`
    : [];
  const countsOf = (source: StatusRow["source"]) =>
    Object.fromEntries(statuses.filter((row) => row.source === source).map((row) => [row.status, row.count]));
  return {
    cohorts: cohorts.map((row) => ({ cohortId: row.cohort_id, waiting: row.waiting, overdue: row.overdue, oldestSeconds: row.oldest_seconds })),
    mails: countsOf("mail"),
    deliveries: countsOf("delivery"),
    jobs: jobs.filter((row) => row.name !== DEAD_LETTER_QUEUE),
    deadLettered: jobs.filter((row) => row.name === DEAD_LETTER_QUEUE).reduce((sum, row) => sum + row.count, 0),
  };
}
