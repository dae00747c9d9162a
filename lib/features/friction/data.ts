import "server-only";
import { db } from "@/lib/db";
import { safeTimeZone } from "@/lib/calendar-zones";
import { liveInOrder } from "@/lib/features/roadmaps/utils";

export type FrictionItem = { id: string; key: string; title: string };

/** A cohort whose learners are counted, with what its stall rule reads. */
export type FrictionCohort = { id: string; name: string; timezone: string; inactivityDays: number; archived: boolean };

export type FrictionStructure = {
  versionId: string;
  roadmapId: string;
  roadmapTitle: string;
  versionNumber: number;
  phases: { title: string; milestones: FrictionItem[] }[];
  projects: FrictionItem[];
  cohorts: FrictionCohort[];
};

/**
 * A roadmap version's live phases, milestones and projects (with the ids the editor opens them by) and the cohorts
 * on it — only `cohortId` when given, else every one, archived ones included — in one statement.
 */
export async function getFrictionStructure(
  version: { versionId: string } | { roadmapId: string; number: number },
  cohortId: string | null = null,
): Promise<FrictionStructure | null> {
  const found = await db.roadmapVersion.findFirst({
    where: "versionId" in version ? { id: version.versionId } : { roadmapId: version.roadmapId, number: version.number },
    relationLoadStrategy: "join",
    select: {
      id: true,
      roadmapId: true,
      title: true,
      number: true,
      phases: liveInOrder({ title: true, milestones: liveInOrder({ id: true, key: true, title: true }) }),
      projects: liveInOrder({ id: true, key: true, title: true }),
      cohorts: {
        where: cohortId ? { id: cohortId } : {},
        orderBy: { id: "asc" },
        select: { id: true, name: true, timezone: true, inactivityDays: true, archivedAt: true },
      },
    },
  });
  if (!found) return null;
  return {
    versionId: found.id,
    roadmapId: found.roadmapId,
    roadmapTitle: found.title,
    versionNumber: found.number,
    phases: found.phases,
    projects: found.projects,
    cohorts: found.cohorts.map((cohort) => ({
      id: cohort.id,
      name: cohort.name,
      timezone: safeTimeZone(cohort.timezone),
      inactivityDays: cohort.inactivityDays,
      archived: cohort.archivedAt !== null,
    })),
  };
}

/** What the database counts for one item; `days` are the 25th, 50th and 75th percentiles, unrounded. */
export type FrictionFigures = {
  key: string;
  started: number;
  completed: number;
  days: [number, number, number] | null;
  attempted: number;
  retried: number;
  medianWaitHours: number | null;
  current: number;
  stalled: number;
};

type FigureSqlRow = {
  learners: number;
  item_key: string | null;
  started: number | null;
  completed: number | null;
  days: number[] | null;
  attempted: number | null;
  retried: number | null;
  median_wait_hours: number | null;
  current: number | null;
  stalled: number | null;
};

/**
 * Every figure of the friction table for `keys`, counted over the active learners of `cohorts` (learner role, not
 * removed, account not deactivated), in ONE statement whatever the number of learners or cohorts. Progress is
 * keyed by item key, so the figures follow the key across versions.
 *
 * - Time to done is `completed_at − started_at` of done or approved rows; percentiles by `percentile_cont`.
 * - Attempts are counted per learner without the withdrawn ones; the review wait is each decided attempt's
 *   decision time minus its submission time.
 * - "On it now" and "stalled" only count cohorts that are not archived: an archived cohort's learners are not on
 *   anything any more, though what they did still counts in the other figures.
 * - Stalled: on it in "in progress" or "changes requested" (waiting for a mentor is not the learner stalling),
 *   with no activity of their own on THAT item — starting it, an attempt (withdrawn ones too: making one is
 *   activity), a comment of theirs in its thread — for the cohort's `inactivity_days` or more, counted in days of
 *   the cohort's zone as the at-risk rule counts inactivity (cohort-progress policy `inactive`).
 */
export async function listFrictionFigures(
  cohorts: FrictionCohort[],
  keys: string[],
  now: Date,
): Promise<{ learners: number; figures: FrictionFigures[] }> {
  const rows = await db.$queryRaw<FigureSqlRow[]>`
    WITH scope AS (
      SELECT * FROM unnest(
        ${cohorts.map((cohort) => cohort.id)}::uuid[], ${cohorts.map((cohort) => cohort.timezone)}::text[],
        ${cohorts.map((cohort) => cohort.inactivityDays)}::int[], ${cohorts.map((cohort) => !cohort.archived)}::boolean[]
      ) AS s(cohort_id, zone, inactivity_days, live)
    ), learner AS (
      SELECT m.id, m.user_id, s.zone, s.inactivity_days, s.live
        FROM scope s
        JOIN memberships m ON m.cohort_id = s.cohort_id
        JOIN users u ON u.id = m.user_id
       WHERE m.role = 'learner' AND m.removed_at IS NULL AND u.deactivated_at IS NULL
    ), pr AS (
      SELECT p.id, p.membership_id, p.item_key, p.status, p.started_at, p.completed_at, p.created_at,
             l.user_id, l.zone, l.inactivity_days, l.live
        FROM learner l
        JOIN progress p ON p.membership_id = l.id
       WHERE p.item_key = ANY(${keys}::text[])
    ), tries AS (
      SELECT sb.progress_id, count(*) FILTER (WHERE sb.status <> 'withdrawn') AS attempts, max(sb.created_at) AS last_at
        FROM pr
        JOIN submissions sb ON sb.progress_id = pr.id
       GROUP BY sb.progress_id
    ), talk AS (
      SELECT co.membership_id, co.item_key, max(co.created_at) AS last_at
        FROM pr
        JOIN comments co ON co.membership_id = pr.membership_id AND co.item_key = pr.item_key AND co.author_id = pr.user_id
       WHERE co.deleted_at IS NULL
       GROUP BY co.membership_id, co.item_key
    ), waits AS (
      SELECT pr.item_key,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.created_at - sb.created_at)::float8 / 3600) AS hours
        FROM pr
        JOIN submissions sb ON sb.progress_id = pr.id
        JOIN reviews r ON r.submission_id = sb.id
       GROUP BY pr.item_key
    ), items AS (
      SELECT pr.item_key,
             count(*) FILTER (WHERE pr.status <> 'not_started' OR pr.started_at IS NOT NULL) AS started,
             count(*) FILTER (WHERE pr.status IN ('done', 'approved')) AS completed,
             percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (
               ORDER BY greatest(0, extract(epoch FROM pr.completed_at - pr.started_at)::float8 / 86400)
             ) FILTER (WHERE pr.status IN ('done', 'approved') AND pr.started_at IS NOT NULL AND pr.completed_at IS NOT NULL) AS days,
             count(*) FILTER (WHERE t.attempts >= 1) AS attempted,
             count(*) FILTER (WHERE t.attempts >= 2) AS retried,
             count(*) FILTER (WHERE pr.live AND pr.status IN ('in_progress', 'submitted', 'changes_requested')) AS current,
             count(*) FILTER (
               WHERE pr.live AND pr.status IN ('in_progress', 'changes_requested')
                 AND (${now}::timestamptz AT TIME ZONE pr.zone)::date
                     - (coalesce(greatest(pr.started_at, t.last_at, c.last_at), pr.created_at) AT TIME ZONE pr.zone)::date
                     >= pr.inactivity_days
             ) AS stalled
        FROM pr
        LEFT JOIN tries t ON t.progress_id = pr.id
        LEFT JOIN talk c ON c.membership_id = pr.membership_id AND c.item_key = pr.item_key
       GROUP BY pr.item_key
    )
    SELECT (SELECT count(*) FROM learner)::int AS learners, k.key AS item_key,
           i.started::int, i.completed::int, i.days, i.attempted::int, i.retried::int,
           w.hours AS median_wait_hours, i.current::int, i.stalled::int
      FROM (SELECT 1) AS one
      LEFT JOIN unnest(${keys}::text[]) AS k(key) ON true
      LEFT JOIN items i ON i.item_key = k.key
      LEFT JOIN waits w ON w.item_key = k.key`;

  return {
    learners: rows[0]?.learners ?? 0,
    figures: rows.flatMap((row) =>
      row.item_key === null
        ? []
        : [
            {
              key: row.item_key,
              started: row.started ?? 0,
              completed: row.completed ?? 0,
              days: row.days ? [row.days[0]!, row.days[1]!, row.days[2]!] : null,
              attempted: row.attempted ?? 0,
              retried: row.retried ?? 0,
              medianWaitHours: row.median_wait_hours,
              current: row.current ?? 0,
              stalled: row.stalled ?? 0,
            },
          ],
    ),
  };
}
