import "server-only";
import { db } from "@/lib/db";
import { TIMELINE_EXCERPT, TIMELINE_LIMIT } from "@/lib/features/cohort-progress/constants";
import type { CohortListItem, CohortStructure, LearnerRow, TimelineEvent } from "@/lib/features/cohort-progress/types";
import type { ReviewHistoryRow } from "@/lib/features/cohort-progress/utils";
import { dayFrom, dayOfDate } from "@/lib/calendar";
import { safeTimeZone } from "@/lib/calendar-zones";
import { liveInOrder } from "@/lib/features/roadmaps/utils";
import type { Decision, ProgressStatus, SelfAssessment, SubmissionStatus } from "@/lib/generated/prisma/enums";

/**
 * The cohort's settings with its roadmap version's live phases, milestones, projects and success criteria:
 * one statement (lateral joins), whatever the roadmap's size.
 */
export async function getCohortStructure(cohortId: string): Promise<CohortStructure | null> {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    relationLoadStrategy: "join",
    select: {
      id: true,
      name: true,
      startDate: true,
      weeksPerPhase: true,
      inactivityDays: true,
      behindPaceBy: true,
      changesRequestedDays: true,
      phaseSlippedDays: true,
      timezone: true,
      versionId: true,
      roadmapVersion: {
        select: {
          title: true,
          number: true,
          phases: liveInOrder({
            key: true,
            title: true,
            milestones: liveInOrder({ key: true, title: true, reviewRequired: true }),
          }),
          projects: liveInOrder({ key: true, title: true }),
          criteria: { orderBy: { position: "asc" }, select: { key: true, text: true } },
        },
      },
    },
  });
  if (!cohort) return null;
  const version = cohort.roadmapVersion;
  const phases = version.phases.map((phase, index) => ({
    key: phase.key,
    number: index + 1,
    title: phase.title,
    milestones: phase.milestones.map((milestone, position) => ({
      key: milestone.key,
      title: milestone.title,
      code: `${index + 1}.${position + 1}`,
      reviewRequired: milestone.reviewRequired,
    })),
  }));
  return {
    id: cohort.id,
    name: cohort.name,
    startDate: dayOfDate(cohort.startDate),
    weeksPerPhase: cohort.weeksPerPhase,
    inactivityDays: cohort.inactivityDays,
    behindPaceBy: cohort.behindPaceBy,
    changesRequestedDays: cohort.changesRequestedDays,
    phaseSlippedDays: cohort.phaseSlippedDays,
    timezone: safeTimeZone(cohort.timezone),
    versionId: cohort.versionId,
    roadmapTitle: version.title,
    versionNumber: version.number,
    phases,
    projects: version.projects,
    titles: new Map([
      ...phases.flatMap((phase) => phase.milestones.map((milestone) => [milestone.key, milestone.title] as const)),
      ...version.projects.map((project) => [project.key, project.title] as const),
    ]),
    criteria: version.criteria,
  };
}

type LearnerSqlRow = {
  membership_id: string;
  user_id: string;
  name: string;
  email: string;
  start_date: string;
  extension_days: number;
  joined_on: string;
  statuses: string | null;
  last_activity_at: Date | null;
  last_activity_on: string | null;
  evidence_weeks: string | null;
  completion_weeks: string | null;
  checkin_parts: string | null;
  requests: string | null;
};

/** "a b c d" → [["a", "b"], ["c", "d"]]: the statement's space-separated pairs (keys and enum values have no spaces). */
function pairs(text: string | null): [string, string][] {
  const words = text ? text.split(" ") : [];
  const result: [string, string][] = [];
  for (let index = 0; index + 1 < words.length; index += 2) result.push([words[index]!, words[index + 1]!]);
  return result;
}

const days = (text: string | null) => (text ? text.split(" ").map(dayFrom) : []);

/**
 * Every active learner of a cohort (or one of them) with their statuses and what the at-risk rules read, in ONE
 * statement whatever the cohort's size (docs/performance.md: matrix ≤ 3 statements). Each table is aggregated once
 * per learner with a GROUP BY rather than a lateral subquery per learner, and what the rules read arrives as days
 * in the cohort's `timeZone` (PostgreSQL's AT TIME ZONE) packed in plain text: turning thousands of instants into
 * days with Intl, and arrays of them into objects, was most of what a cohort of 500 cost the server. Sessions run
 * in UTC (lib/db/deadlines.ts), so a timestamp AT TIME ZONE the cohort's zone is its wall clock there.
 *
 * Activity is the learner's own doing: starting or ticking a milestone, an attempt, a comment in their threads,
 * a check-in written or a reply on one. Progress rows' updated_at is not used because a mentor's decision
 * touches them too. `recentSince` bounds the weeks with evidence or completions, and the check-ins whose parts of the
 * weekly rule are counted, to the ones the weekly rule reads.
 */
export async function listLearnerRows(
  cohortId: string,
  recentSince: Date,
  timeZone: string,
  membershipId: string | null = null,
): Promise<LearnerRow[]> {
  const rows = await db.$queryRaw<LearnerSqlRow[]>`
    WITH zone AS (
      SELECT ${timeZone}::text AS cohort
    ), learner AS (
      SELECT m.id, m.user_id, u.name, u.email, m.extension_days,
             to_char(coalesce(m.start_date, c.start_date), 'YYYY-MM-DD') AS start_date,
             to_char(m.created_at AT TIME ZONE z.cohort, 'YYYY-MM-DD') AS joined_on
        FROM memberships m
        JOIN cohorts c ON c.id = m.cohort_id
        JOIN users u ON u.id = m.user_id
        CROSS JOIN zone z
       WHERE m.cohort_id = ${cohortId}::uuid
         AND m.role = 'learner'
         AND m.removed_at IS NULL
         AND (${membershipId}::uuid IS NULL OR m.id = ${membershipId}::uuid)
    ), p AS (
      SELECT pr.membership_id,
             string_agg(pr.item_key || ' ' || pr.status::text, ' ') AS statuses,
             max(greatest(pr.started_at, CASE WHEN pr.status = 'done' THEN pr.completed_at END)) AS last_at,
             string_agg(DISTINCT to_char(date_trunc('week', pr.completed_at AT TIME ZONE z.cohort), 'YYYY-MM-DD'), ' ') FILTER (
               WHERE pr.status IN ('done', 'approved') AND pr.completed_at >= ${recentSince}::timestamptz
             ) AS weeks
        FROM learner l
        JOIN progress pr ON pr.membership_id = l.id
        CROSS JOIN zone z
       GROUP BY pr.membership_id
    ), s AS (
      SELECT pr.membership_id, max(sb.created_at) AS last_at,
             string_agg(DISTINCT to_char(date_trunc('week', sb.created_at AT TIME ZONE z.cohort), 'YYYY-MM-DD'), ' ') FILTER (
               WHERE sb.status <> 'withdrawn' AND sb.created_at >= ${recentSince}::timestamptz
             ) AS weeks
        FROM learner l
        JOIN progress pr ON pr.membership_id = l.id
        JOIN submissions sb ON sb.progress_id = pr.id
        CROSS JOIN zone z
       GROUP BY pr.membership_id
    ), cm AS (
      SELECT co.membership_id, max(co.created_at) AS last_at
        FROM learner l
        JOIN comments co ON co.membership_id = l.id AND co.author_id = l.user_id
       WHERE co.deleted_at IS NULL
       GROUP BY co.membership_id
    ), ck AS (
      SELECT ci.membership_id, greatest(max(ci.updated_at), max(cc.created_at)) AS last_at,
             string_agg(DISTINCT to_char(ci.week_start, 'YYYY-MM-DD') || ' ' || (
               (btrim(ci.learned) <> '')::int + (btrim(ci.built) <> '')::int + (btrim(ci.tested) <> '')::int +
               (btrim(ci.documented) <> '')::int + (btrim(ci.reviewed) <> '')::int
             )::text, ' ') FILTER (WHERE ci.week_start >= ${recentSince}::date) AS parts
        FROM learner l
        JOIN checkins ci ON ci.membership_id = l.id
        LEFT JOIN checkin_comments cc ON cc.checkin_id = ci.id AND cc.author_id = l.user_id
       GROUP BY ci.membership_id
    ), cr AS (
      SELECT pr.membership_id,
             string_agg(
               pr.item_key || ' ' || to_char(r.created_at AT TIME ZONE z.cohort, 'YYYY-MM-DD'),
               ' ' ORDER BY r.created_at
             ) AS requests
        FROM learner l
        CROSS JOIN zone z
        JOIN progress pr ON pr.membership_id = l.id AND pr.status = 'changes_requested'
        JOIN submissions sb ON sb.progress_id = pr.id
        JOIN reviews r ON r.submission_id = sb.id
       WHERE r.decision = 'request_changes'
         AND NOT EXISTS (
           SELECT 1 FROM submissions later
            WHERE later.progress_id = pr.id AND later.attempt > sb.attempt AND later.status <> 'withdrawn'
         )
       GROUP BY pr.membership_id
    ), activity AS (
      SELECT l.*, p.statuses, p.weeks AS completion_weeks, s.weeks AS evidence_weeks, ck.parts AS checkin_parts, cr.requests,
             greatest(p.last_at, s.last_at, cm.last_at, ck.last_at) AS last_activity_at
        FROM learner l
        LEFT JOIN p ON p.membership_id = l.id
        LEFT JOIN s ON s.membership_id = l.id
        LEFT JOIN cm ON cm.membership_id = l.id
        LEFT JOIN ck ON ck.membership_id = l.id
        LEFT JOIN cr ON cr.membership_id = l.id
    )
    SELECT a.id AS membership_id, a.user_id, a.name, a.email, a.start_date, a.extension_days, a.joined_on, a.statuses,
           a.evidence_weeks, a.completion_weeks, a.checkin_parts, a.requests, a.last_activity_at,
           to_char(a.last_activity_at AT TIME ZONE z.cohort, 'YYYY-MM-DD') AS last_activity_on
      FROM activity a
     CROSS JOIN zone z
     ORDER BY a.name, a.id`;

  return rows.map((row) => ({
    membershipId: row.membership_id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    startDate: dayFrom(row.start_date),
    extensionDays: row.extension_days,
    joinedOn: dayFrom(row.joined_on),
    statuses: new Map(pairs(row.statuses) as [string, ProgressStatus][]),
    lastActivityAt: row.last_activity_at ? new Date(row.last_activity_at) : null,
    lastActivityOn: row.last_activity_on ? dayFrom(row.last_activity_on) : null,
    activeWeeks: [...new Set([...days(row.evidence_weeks), ...days(row.completion_weeks)])],
    checkinParts: new Map(pairs(row.checkin_parts).map(([week, parts]) => [dayFrom(week), Number(parts)])),
    openRequests: pairs(row.requests).map(([key, decidedOn]) => ({ key, decidedOn: dayFrom(decidedOn) })),
  }));
}

type TimelineSqlRow = {
  kind: TimelineEvent["kind"];
  id: string;
  at: Date;
  item_key: string | null;
  attempt: number | null;
  submission_id: string | null;
  submission_status: SubmissionStatus | null;
  decision: Decision | null;
  actor_name: string | null;
  by_learner: boolean;
  excerpt: string | null;
  week_start: string | null;
};

/**
 * A learner's newest events, newest first, in one statement: milestones started and ticked done, attempts,
 * decisions, thread comments, check-ins planned and closed out, and check-in comments.
 */
export async function listTimeline(membershipId: string): Promise<Omit<TimelineEvent, "itemTitle">[]> {
  const rows = await db.$queryRaw<TimelineSqlRow[]>`
    SELECT * FROM (
      SELECT 'started' AS kind, pr.id::text || ':started' AS id, pr.started_at AS at, pr.item_key,
             NULL::int AS attempt, NULL::text AS submission_id, NULL::text AS submission_status,
             NULL::text AS decision, NULL::text AS actor_name, true AS by_learner, NULL::text AS excerpt,
             NULL::text AS week_start
        FROM progress pr
       WHERE pr.membership_id = ${membershipId}::uuid AND pr.started_at IS NOT NULL
         AND (pr.completed_at IS NULL OR pr.started_at < pr.completed_at)
      UNION ALL
      SELECT 'completed', pr.id::text || ':completed', pr.completed_at, pr.item_key,
             NULL, NULL, NULL, NULL, NULL, true, NULL, NULL
        FROM progress pr
       WHERE pr.membership_id = ${membershipId}::uuid AND pr.status = 'done' AND pr.completed_at IS NOT NULL
      UNION ALL
      SELECT 'attempt', sb.id::text, sb.created_at, pr.item_key,
             sb.attempt, sb.id::text, sb.status::text, NULL, NULL, true, left(sb.note, ${TIMELINE_EXCERPT}), NULL
        FROM submissions sb
        JOIN progress pr ON pr.id = sb.progress_id
       WHERE pr.membership_id = ${membershipId}::uuid
      UNION ALL
      SELECT 'decision', r.id::text, r.created_at, pr.item_key,
             sb.attempt, sb.id::text, sb.status::text, r.decision::text, u.name, false, left(r.comment, ${TIMELINE_EXCERPT}), NULL
        FROM reviews r
        JOIN submissions sb ON sb.id = r.submission_id
        JOIN progress pr ON pr.id = sb.progress_id
        JOIN users u ON u.id = r.reviewer_id
       WHERE pr.membership_id = ${membershipId}::uuid
      UNION ALL
      SELECT 'comment', co.id::text, co.created_at, co.item_key,
             NULL, NULL, NULL, NULL, u.name, co.author_id = m.user_id, left(co.body, ${TIMELINE_EXCERPT}), NULL
        FROM comments co
        JOIN memberships m ON m.id = co.membership_id
        JOIN users u ON u.id = co.author_id
       WHERE co.membership_id = ${membershipId}::uuid AND co.deleted_at IS NULL
      UNION ALL
      SELECT 'checkin_planned', ci.id::text || ':planned', ci.created_at, NULL,
             NULL, NULL, NULL, NULL, NULL, true, NULL, to_char(ci.week_start, 'YYYY-MM-DD')
        FROM checkins ci
       -- A week closed out without a plan has a row but was never planned.
       WHERE ci.membership_id = ${membershipId}::uuid AND (cardinality(ci.planned_keys) > 0 OR ci.planned_hours IS NOT NULL)
      UNION ALL
      SELECT 'checkin_closed', ci.id::text || ':closed', ci.closed_at, NULL,
             NULL, NULL, NULL, NULL, NULL, true, NULL, to_char(ci.week_start, 'YYYY-MM-DD')
        FROM checkins ci
       WHERE ci.membership_id = ${membershipId}::uuid AND ci.closed_at IS NOT NULL
      UNION ALL
      SELECT 'checkin_comment', cc.id::text, cc.created_at, NULL,
             NULL, NULL, NULL, NULL, u.name, cc.author_id = m.user_id, left(cc.body, ${TIMELINE_EXCERPT}),
             to_char(ci.week_start, 'YYYY-MM-DD')
        FROM checkin_comments cc
        JOIN checkins ci ON ci.id = cc.checkin_id
        JOIN memberships m ON m.id = ci.membership_id
        JOIN users u ON u.id = cc.author_id
       WHERE ci.membership_id = ${membershipId}::uuid
    ) events
    ORDER BY at DESC, id DESC
    LIMIT ${TIMELINE_LIMIT}`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    at: new Date(row.at).toISOString(),
    itemKey: row.item_key,
    attempt: row.attempt,
    submissionId: row.submission_id,
    submissionStatus: row.submission_status,
    decision: row.decision,
    actorName: row.actor_name,
    byLearner: row.by_learner,
    excerpt: row.excerpt,
    weekStart: row.week_start === null ? null : dayFrom(row.week_start),
  }));
}

/** Attempts of one learner waiting for a decision (each links to the review screen). */
export async function listPendingAttempts(membershipId: string) {
  return db.submission.findMany({
    where: { status: "pending", progress: { membershipId } },
    relationLoadStrategy: "join",
    orderBy: { createdAt: "asc" },
    select: { id: true, attempt: true, createdAt: true, progress: { select: { itemKey: true } } },
  });
}

export type AssessmentRow = {
  id: string;
  criterionKey: string;
  level: SelfAssessment;
  justification: string;
  updatedAt: Date;
  signedOffAt: Date | null;
  signedOffBy: { name: string } | null;
};

export async function listAssessments(membershipId: string): Promise<AssessmentRow[]> {
  return db.criterionAssessment.findMany({
    where: { membershipId },
    relationLoadStrategy: "join",
    select: {
      id: true,
      criterionKey: true,
      level: true,
      justification: true,
      updatedAt: true,
      signedOffAt: true,
      signedOffBy: { select: { name: true } },
    },
  });
}

/**
 * A self-assessment's scope derived from the row itself (assessment → membership → cohort → its version's
 * criteria), never from ids the client sends. One statement.
 */
export async function getAssessmentScope(assessmentId: string) {
  const row = await db.criterionAssessment.findUnique({
    where: { id: assessmentId },
    relationLoadStrategy: "join",
    select: {
      id: true,
      criterionKey: true,
      level: true,
      membership: {
        select: {
          id: true,
          userId: true,
          role: true,
          removedAt: true,
          cohort: { select: { id: true, roadmapVersion: { select: { criteria: { select: { key: true } } } } } },
        },
      },
    },
  });
  if (!row) return null;
  const { membership } = row;
  return {
    assessmentId: row.id,
    criterionKey: row.criterionKey,
    level: row.level,
    membershipId: membership.id,
    learnerUserId: membership.userId,
    cohortId: membership.cohort.id,
    learnerActive: membership.role === "learner" && membership.removedAt === null,
    // A criterion dropped from the cohort's roadmap is no longer shown, so it cannot be signed off either.
    criterionLive: membership.cohort.roadmapVersion.criteria.some((criterion) => criterion.key === row.criterionKey),
  };
}

type ReviewSqlRow = {
  decided_at: Date;
  learner_name: string;
  item_key: string;
  item_title: string | null;
  attempt: number;
  decision: "approve" | "request_changes";
  reviewer_name: string;
  comment: string;
};

/**
 * Every decision on the cohort's attempts, oldest first, in one statement. Learners removed from the cohort
 * keep their rows: the history is the cohort's record of what its mentors decided.
 */
export async function listReviewHistory(cohortId: string): Promise<ReviewHistoryRow[]> {
  const rows = await db.$queryRaw<ReviewSqlRow[]>`
    SELECT r.created_at AS decided_at, learner.name AS learner_name, pr.item_key,
           coalesce(mi.title, pp.title) AS item_title, sb.attempt, r.decision::text AS decision,
           reviewer.name AS reviewer_name, r.comment
      FROM memberships m
      JOIN cohorts c ON c.id = m.cohort_id
      JOIN users learner ON learner.id = m.user_id
      JOIN progress pr ON pr.membership_id = m.id
      JOIN submissions sb ON sb.progress_id = pr.id
      JOIN reviews r ON r.submission_id = sb.id
      JOIN users reviewer ON reviewer.id = r.reviewer_id
      LEFT JOIN milestones mi ON mi.version_id = c.version_id AND mi.key = pr.item_key
      LEFT JOIN portfolio_projects pp ON pp.version_id = c.version_id AND pp.key = pr.item_key
     WHERE m.cohort_id = ${cohortId}::uuid AND m.role = 'learner'
     ORDER BY r.created_at, r.id`;
  return rows.map((row) => ({
    decidedAt: new Date(row.decided_at),
    learnerName: row.learner_name,
    itemKey: row.item_key,
    itemTitle: row.item_title,
    attempt: row.attempt,
    decision: row.decision,
    reviewerName: row.reviewer_name,
    comment: row.comment,
  }));
}

/**
 * The cohorts someone sees on "Cohorts": the ones they actively mentor, or every active cohort for an admin.
 * Two statements whatever the number of cohorts.
 */
export async function listVisibleCohorts(viewer: { id: string; isAdmin: boolean }): Promise<CohortListItem[]> {
  const mentorOf = { userId: viewer.id, role: "mentor" as const, removedAt: null };
  const cohorts = await db.cohort.findMany({
    where: { archivedAt: null, ...(viewer.isAdmin ? {} : { memberships: { some: mentorOf } }) },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    relationLoadStrategy: "join",
    select: {
      id: true,
      name: true,
      startDate: true,
      roadmapVersion: { select: { title: true } },
      memberships: { where: mentorOf, select: { id: true } },
      _count: { select: { memberships: { where: { role: "learner", removedAt: null } } } },
    },
  });
  if (cohorts.length === 0) return [];
  const waiting = await db.$queryRaw<{ cohort_id: string; waiting: number }[]>`
    SELECT m.cohort_id, count(*)::int AS waiting
      FROM submissions s
      JOIN progress p ON p.id = s.progress_id
      JOIN memberships m ON m.id = p.membership_id
     WHERE s.status = 'pending' AND m.removed_at IS NULL
       AND m.cohort_id = ANY(${cohorts.map((cohort) => cohort.id)}::uuid[])
     GROUP BY m.cohort_id`;
  const waitingBy = new Map(waiting.map((row) => [row.cohort_id, row.waiting]));
  return cohorts.map((cohort) => ({
    id: cohort.id,
    name: cohort.name,
    roadmapTitle: cohort.roadmapVersion.title,
    startDate: dayOfDate(cohort.startDate),
    learners: cohort._count.memberships,
    waiting: waitingBy.get(cohort.id) ?? 0,
    mentoring: cohort.memberships.length > 0,
  }));
}
