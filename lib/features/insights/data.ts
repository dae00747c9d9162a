import "server-only";
import { LEARNER_MEMBERSHIP_SELECT, learnerMembershipOf, type LearnerMembership } from "@/lib/auth/access";
import { type Day, dayFrom } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { FlowStatus } from "@/lib/features/insights/types";

/** An active learner of the cohort, shaped as the learner's own pages read their membership; null otherwise. */
export async function getCohortLearner(cohortId: string, membershipId: string): Promise<LearnerMembership | null> {
  const membership = await db.membership.findFirst({
    where: { id: membershipId, cohortId, role: "learner", removedAt: null },
    relationLoadStrategy: "join",
    select: LEARNER_MEMBERSHIP_SELECT,
  });
  return membership ? learnerMembershipOf(membership) : null;
}

export type CohortFigures = {
  flow: { week: Day; counts: Omit<Record<FlowStatus, number>, "not_started"> }[];
  pace: { week: Day; p10: number; p25: number; median: number; p75: number; p90: number }[];
  reviewWait: { week: Day; decided: number; medianHours: number | null; p90Hours: number | null; withinTarget: number }[];
};

type FiguresSqlRow = {
  flow: { week: string; in_progress: number; submitted: number; changes_requested: number; complete: number }[] | null;
  pace: { week: string; p10: number; p25: number; median: number; p75: number; p90: number }[] | null;
  wait: { week: string; decided: number; median: number | null; p90: number | null; within: number }[] | null;
};

/**
 * The cohort's weekly figures, each week from `firstWeek` to `lastWeek` (Mondays in `timeZone`) as it stood at the
 * week's end (the running week: at `now`), in ONE statement whatever the cohort's size (docs/performance.md).
 *
 * Flow: there is no status history, so a milestone's status at a past moment is derived from the facts Cairn keeps
 * (decision 067): started → in progress; an attempt → submitted until its decision or withdrawal; a withdrawal
 * returns to changes requested when the decision before it asked for them, else to in progress; a request for
 * changes → changes requested until the next attempt; an approval or `completed_at` → complete; a row that is not
 * started now went back to it at its last update. Each of those facts is a change of status; a status holds from
 * its change to the next one (`lead`), so each span adds one to its status in the week it starts and takes it off
 * in the week it ends, and a running sum over the weeks gives the counts. Not started is what remains of
 * learners × milestones, so it is left to the caller. Only live milestones of the cohort's version and active
 * learners count; recorded evidence (no review) is not an attempt that waits.
 *
 * Pace: each active learner's milestones complete by each week's end, and the percentiles over the learners.
 *
 * Review wait: decisions by the week they were made, hours from the attempt to its decision. Every learner of the
 * cohort counts, removed ones included: the wait was the mentors' work whoever it was for.
 *
 * Facts after `now` are left out. Percentiles interpolate (`percentile_cont`) and are rounded to tenths, as the
 * charts and CSV files show them.
 */
export async function getCohortFigures({
  cohortId,
  versionId,
  timeZone,
  firstWeek,
  lastWeek,
  reviewTargetHours,
  now,
}: {
  cohortId: string;
  versionId: string;
  timeZone: string;
  firstWeek: Day;
  lastWeek: Day;
  reviewTargetHours: number;
  now: Date;
}): Promise<CohortFigures> {
  const [row] = await db.$queryRaw<FiguresSqlRow[]>`
    WITH zone AS (
      SELECT ${timeZone}::text AS name
    ), weeks AS (
      SELECT generate_series(${firstWeek}::date, ${lastWeek}::date, interval '7 days')::date AS week
    ), learner AS (
      SELECT m.id FROM memberships m
       WHERE m.cohort_id = ${cohortId}::uuid AND m.role = 'learner' AND m.removed_at IS NULL
    ), live AS (
      SELECT mi.key FROM milestones mi JOIN phases ph ON ph.id = mi.phase_id
       WHERE mi.version_id = ${versionId}::uuid AND mi.archived_at IS NULL AND ph.archived_at IS NULL
    ), item AS (
      SELECT pr.id, pr.membership_id, pr.started_at, pr.completed_at, pr.updated_at
        FROM learner l
        JOIN progress pr ON pr.membership_id = l.id
        JOIN live ON live.key = pr.item_key
    ), attempt AS (
      SELECT sb.progress_id, sb.created_at, sb.withdrawn_at, r.created_at AS decided_at, r.decision,
             CASE WHEN sb.withdrawn_at IS NOT NULL THEN (
               SELECT before.decision FROM submissions earlier JOIN reviews before ON before.submission_id = earlier.id
                WHERE earlier.progress_id = sb.progress_id AND earlier.attempt < sb.attempt
                ORDER BY earlier.attempt DESC LIMIT 1
             ) END AS decision_before
        FROM item
        JOIN submissions sb ON sb.progress_id = item.id
        LEFT JOIN reviews r ON r.submission_id = sb.id
       WHERE sb.status <> 'recorded'
    ), first_attempt AS (
      SELECT progress_id, min(created_at) AS at FROM attempt GROUP BY progress_id
    ), change AS (
      -- Starting comes first: a submit records its start from the server's clock and the attempt from the
      -- database's, which can be a moment earlier.
      SELECT i.id AS progress_id, least(i.started_at, f.at, i.completed_at) AS at, 'in_progress' AS status, 0 AS rank
        FROM item i LEFT JOIN first_attempt f ON f.progress_id = i.id
       WHERE i.started_at IS NOT NULL
      UNION ALL
      SELECT id, updated_at, 'not_started', 0 FROM item WHERE started_at IS NULL AND completed_at IS NULL
      UNION ALL
      SELECT progress_id, created_at, 'submitted', 1 FROM attempt
      UNION ALL
      SELECT progress_id, withdrawn_at,
             CASE WHEN decision_before = 'request_changes' THEN 'changes_requested' ELSE 'in_progress' END, 2
        FROM attempt WHERE withdrawn_at IS NOT NULL
      UNION ALL
      SELECT progress_id, decided_at, CASE WHEN decision = 'approve' THEN 'complete' ELSE 'changes_requested' END, 2
        FROM attempt WHERE decided_at IS NOT NULL
      UNION ALL
      SELECT id, completed_at, 'complete', 3 FROM item WHERE completed_at IS NOT NULL
    ), span AS (
      -- Each change's week once (a zone conversion is most of what a row costs); a span that starts and ends in one
      -- week changes no week's count.
      SELECT status, week, until
        FROM (
          SELECT status, week, lead(week) OVER (PARTITION BY progress_id ORDER BY at, rank) AS until
            FROM (
              SELECT c.progress_id, c.at, c.rank, c.status,
                     greatest(date_trunc('week', c.at AT TIME ZONE z.name)::date, ${firstWeek}::date) AS week
                FROM change c CROSS JOIN zone z
               WHERE c.at <= ${now}::timestamptz
            ) dated
        ) spans
       WHERE status <> 'not_started' AND until IS DISTINCT FROM week
    ), delta AS (
      SELECT status, week, 1 AS delta FROM span
      UNION ALL
      SELECT status, until, -1 FROM span WHERE until IS NOT NULL
    ), flow AS (
      SELECT w.week,
             sum(coalesce(sum(d.delta) FILTER (WHERE d.status = 'in_progress'), 0)) OVER (ORDER BY w.week) AS in_progress,
             sum(coalesce(sum(d.delta) FILTER (WHERE d.status = 'submitted'), 0)) OVER (ORDER BY w.week) AS submitted,
             sum(coalesce(sum(d.delta) FILTER (WHERE d.status = 'changes_requested'), 0)) OVER (ORDER BY w.week) AS changes_requested,
             sum(coalesce(sum(d.delta) FILTER (WHERE d.status = 'complete'), 0)) OVER (ORDER BY w.week) AS complete
        FROM weeks w
        LEFT JOIN delta d ON d.week = w.week
       GROUP BY w.week
    ), done AS (
      SELECT i.membership_id, greatest(date_trunc('week', i.completed_at AT TIME ZONE z.name)::date, ${firstWeek}::date) AS week,
             count(*) AS n
        FROM item i CROSS JOIN zone z
       WHERE i.completed_at <= ${now}::timestamptz
       GROUP BY 1, 2
    ), learner_week AS (
      SELECT w.week, sum(coalesce(d.n, 0)) OVER (PARTITION BY l.id ORDER BY w.week)::float8 AS completed
        FROM learner l
        CROSS JOIN weeks w
        LEFT JOIN done d ON d.membership_id = l.id AND d.week = w.week
    ), pace AS (
      SELECT week,
             round(percentile_cont(0.1) WITHIN GROUP (ORDER BY completed)::numeric, 1)::float8 AS p10,
             round(percentile_cont(0.25) WITHIN GROUP (ORDER BY completed)::numeric, 1)::float8 AS p25,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY completed)::numeric, 1)::float8 AS median,
             round(percentile_cont(0.75) WITHIN GROUP (ORDER BY completed)::numeric, 1)::float8 AS p75,
             round(percentile_cont(0.9) WITHIN GROUP (ORDER BY completed)::numeric, 1)::float8 AS p90
        FROM learner_week
       GROUP BY week
    ), decided AS (
      SELECT date_trunc('week', r.created_at AT TIME ZONE z.name)::date AS week,
             (extract(epoch FROM r.created_at - sb.created_at) / 3600)::float8 AS hours
        FROM memberships m
        JOIN progress pr ON pr.membership_id = m.id
        JOIN submissions sb ON sb.progress_id = pr.id
        JOIN reviews r ON r.submission_id = sb.id
        CROSS JOIN zone z
       WHERE m.cohort_id = ${cohortId}::uuid AND m.role = 'learner' AND r.created_at <= ${now}::timestamptz
    ), wait AS (
      SELECT w.week, count(d.hours) AS decided,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY d.hours)::numeric, 1)::float8 AS median,
             round(percentile_cont(0.9) WITHIN GROUP (ORDER BY d.hours)::numeric, 1)::float8 AS p90,
             count(*) FILTER (WHERE d.hours <= ${reviewTargetHours}::int) AS within
        FROM weeks w
        LEFT JOIN decided d ON d.week = w.week
       GROUP BY w.week
    )
    SELECT
      (SELECT json_agg(json_build_object(
                'week', to_char(week, 'YYYY-MM-DD'), 'in_progress', in_progress::int, 'submitted', submitted::int,
                'changes_requested', changes_requested::int, 'complete', complete::int) ORDER BY week)
         FROM flow) AS flow,
      (SELECT json_agg(json_build_object(
                'week', to_char(week, 'YYYY-MM-DD'), 'p10', p10, 'p25', p25, 'median', median, 'p75', p75, 'p90', p90) ORDER BY week)
         FROM pace) AS pace,
      (SELECT json_agg(json_build_object(
                'week', to_char(week, 'YYYY-MM-DD'), 'decided', decided::int, 'median', median, 'p90', p90, 'within', within::int)
                ORDER BY week)
         FROM wait) AS wait`;

  return {
    flow: (row?.flow ?? []).map((week) => ({
      week: dayFrom(week.week),
      counts: {
        in_progress: week.in_progress,
        submitted: week.submitted,
        changes_requested: week.changes_requested,
        complete: week.complete,
      },
    })),
    pace: (row?.pace ?? []).map((week) => ({
      week: dayFrom(week.week),
      p10: week.p10,
      p25: week.p25,
      median: week.median,
      p75: week.p75,
      p90: week.p90,
    })),
    reviewWait: (row?.wait ?? []).map((week) => ({
      week: dayFrom(week.week),
      decided: week.decided,
      medianHours: week.median,
      p90Hours: week.p90,
      withinTarget: week.within,
    })),
  };
}

/** Per week (Monday in the cohort's zone): attempts that were not withdrawn, and items completed — the weekly rule's inputs. */
export type RuleWeek = { week: Day; evidence: number; completed: number };

export type LearnerFigures = {
  membershipId: string;
  name: string;
  /** The learner's own start date, else the cohort's. */
  startDate: Day;
  extensionDays: number;
  /** Live milestones complete now. */
  completed: number;
  /** Every week with evidence or a completion, oldest first. */
  ruleWeeks: RuleWeek[];
  /** Monday of the learner's earliest check-in, if any (the Check-ins page starts there when it is earlier). */
  firstCheckinWeek: Day | null;
  /** With `detail` only: live milestones completed by `now`, counted per week of completion. */
  completions: { week: Day; count: number }[];
  /** With `detail` only: every check-in's planned and logged hours. */
  checkins: { week: Day; planned: number | null; logged: number | null }[];
  /** Live milestones of each live phase, in roadmap order. */
  milestonesPerPhase: number[];
};

type LearnerSqlRow = {
  membership_id: string;
  name: string;
  start_date: string;
  extension_days: number;
  completed: number;
  rule_weeks: string | null;
  first_checkin_week: string | null;
  completions: string | null;
  checkins: { week: string; planned: number | null; logged: number | null }[] | null;
  milestones_per_phase: number[];
};

/** "a b c d e f" → [["a", "b", "c"], ["d", "e", "f"]]: the statement's space-separated triples (days and numbers only). */
function triples(text: string | null): [string, string, string][] {
  const words = text ? text.split(" ") : [];
  const result: [string, string, string][] = [];
  for (let index = 0; index + 2 < words.length; index += 3) result.push([words[index]!, words[index + 1]!, words[index + 2]!]);
  return result;
}

/**
 * Every active learner of the cohort (or the one `membershipId` names) with what their pace and weekly-rule streak
 * are computed from, in ONE statement whatever the cohort's size. The weekly rule's inputs are counted exactly as the
 * Check-ins page counts them (`getCheckinsPage`): every attempt not withdrawn and every completed item, milestones
 * and projects of any version alike, by its Monday in the cohort's zone. `detail` adds one learner's completions per
 * week and check-in hours, for "My progress"; the cohort's figures leave them out.
 */
export async function listLearnerFigures({
  cohortId,
  versionId,
  timeZone,
  now,
  membershipId = null,
  detail = false,
}: {
  cohortId: string;
  versionId: string;
  timeZone: string;
  now: Date;
  membershipId?: string | null;
  detail?: boolean;
}): Promise<LearnerFigures[]> {
  const rows = await db.$queryRaw<LearnerSqlRow[]>`
    WITH zone AS (
      SELECT ${timeZone}::text AS name
    ), learner AS (
      SELECT m.id, u.name, m.extension_days, to_char(coalesce(m.start_date, c.start_date), 'YYYY-MM-DD') AS start_date
        FROM memberships m
        JOIN cohorts c ON c.id = m.cohort_id
        JOIN users u ON u.id = m.user_id
       WHERE m.cohort_id = ${cohortId}::uuid AND m.role = 'learner' AND m.removed_at IS NULL
         AND (${membershipId}::uuid IS NULL OR m.id = ${membershipId}::uuid)
    ), live AS (
      SELECT mi.key FROM milestones mi JOIN phases ph ON ph.id = mi.phase_id
       WHERE mi.version_id = ${versionId}::uuid AND mi.archived_at IS NULL AND ph.archived_at IS NULL
    ), complete AS (
      SELECT pr.membership_id, count(*) FILTER (WHERE pr.status IN ('done', 'approved'))::int AS completed,
             string_agg(to_char(date_trunc('week', pr.completed_at AT TIME ZONE z.name), 'YYYY-MM-DD'), ' ') FILTER (
               WHERE ${detail}::boolean AND pr.status IN ('done', 'approved') AND pr.completed_at <= ${now}::timestamptz
             ) AS completions
        FROM learner l
        JOIN progress pr ON pr.membership_id = l.id
        JOIN live ON live.key = pr.item_key
        CROSS JOIN zone z
       GROUP BY pr.membership_id
    ), rule_event AS (
      SELECT pr.membership_id, date_trunc('week', sb.created_at AT TIME ZONE z.name)::date AS week, 1 AS evidence, 0 AS completed
        FROM learner l
        JOIN progress pr ON pr.membership_id = l.id
        JOIN submissions sb ON sb.progress_id = pr.id
        CROSS JOIN zone z
       WHERE sb.status <> 'withdrawn'
      UNION ALL
      SELECT pr.membership_id, date_trunc('week', pr.completed_at AT TIME ZONE z.name)::date, 0, 1
        FROM learner l
        JOIN progress pr ON pr.membership_id = l.id
        CROSS JOIN zone z
       WHERE pr.status IN ('done', 'approved') AND pr.completed_at IS NOT NULL
    ), rule_week AS (
      SELECT membership_id, week, sum(evidence)::int AS evidence, sum(completed)::int AS completed
        FROM rule_event
       GROUP BY membership_id, week
    ), rule AS (
      SELECT membership_id,
             string_agg(to_char(week, 'YYYY-MM-DD') || ' ' || evidence || ' ' || completed, ' ' ORDER BY week) AS weeks
        FROM rule_week
       GROUP BY membership_id
    ), checkin AS (
      SELECT ci.membership_id, to_char(min(ci.week_start), 'YYYY-MM-DD') AS first_week,
             json_agg(json_build_object('week', to_char(ci.week_start, 'YYYY-MM-DD'), 'planned', ci.planned_hours,
                                        'logged', ci.actual_hours) ORDER BY ci.week_start) FILTER (WHERE ${detail}::boolean) AS hours
        FROM learner l
        JOIN checkins ci ON ci.membership_id = l.id
       GROUP BY ci.membership_id
    )
    SELECT l.id AS membership_id, l.name, l.start_date, l.extension_days, coalesce(cp.completed, 0) AS completed,
           r.weeks AS rule_weeks, ck.first_week AS first_checkin_week, cp.completions, ck.hours AS checkins,
           (SELECT coalesce(array_agg(n ORDER BY position), '{}') FROM (
              SELECT ph.position, count(mi.id)::int AS n
                FROM phases ph
                LEFT JOIN milestones mi ON mi.phase_id = ph.id AND mi.archived_at IS NULL
               WHERE ph.version_id = ${versionId}::uuid AND ph.archived_at IS NULL
               GROUP BY ph.id, ph.position
           ) counted) AS milestones_per_phase
      FROM learner l
      LEFT JOIN complete cp ON cp.membership_id = l.id
      LEFT JOIN rule r ON r.membership_id = l.id
      LEFT JOIN checkin ck ON ck.membership_id = l.id
     ORDER BY l.name, l.id`;

  return rows.map((row) => {
    const completions = new Map<Day, number>();
    for (const week of row.completions ? row.completions.split(" ").map(dayFrom) : []) {
      completions.set(week, (completions.get(week) ?? 0) + 1);
    }
    return {
      membershipId: row.membership_id,
      name: row.name,
      startDate: dayFrom(row.start_date),
      extensionDays: row.extension_days,
      completed: row.completed,
      ruleWeeks: triples(row.rule_weeks).map(([week, evidence, completed]) => ({
        week: dayFrom(week),
        evidence: Number(evidence),
        completed: Number(completed),
      })),
      firstCheckinWeek: row.first_checkin_week ? dayFrom(row.first_checkin_week) : null,
      completions: [...completions].map(([week, count]) => ({ week, count })),
      checkins: (row.checkins ?? []).map((checkin) => ({ week: dayFrom(checkin.week), planned: checkin.planned, logged: checkin.logged })),
      milestonesPerPhase: row.milestones_per_phase,
    };
  });
}

