import "server-only";
import type { KeysetCursor } from "@/lib/cursor";
import { db } from "@/lib/db";
import { getCohortAccess, type CohortAccess } from "@/lib/auth/access";
import { ATTEMPT_SELECT, THREAD_COMMENT_SELECT, toAttemptView, toThreadComment } from "@/lib/features/progress/data";
import type { AttemptView } from "@/lib/features/progress/types";
import { PROJECTS_PHASE, QUEUE_PAGE_SIZE, REVIEWED_WINDOW_DAYS } from "@/lib/features/reviews/constants";
import { canReviewAttemptOf } from "@/lib/features/reviews/policy";
import type { QueueFilters } from "@/lib/features/reviews/schema";
import type { ClaimView, PendingAttempt, QueueCohort, QueueRow, ReviewQueue, ReviewScreen, SavedReplyView } from "@/lib/features/reviews/types";
import { containsPattern, queueQuery } from "@/lib/features/reviews/utils";
import { formatClock } from "@/lib/calendar-zones";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

/** What the review code needs to know about the person asking. */
export type Reviewer = { id: string; name: string; isAdmin: boolean };

const DAY_MS = 24 * 3600 * 1000;

/**
 * The cohorts whose queue the viewer works: the active cohorts they mentor, or — for an instance admin, who may
 * do everything (docs/product.md, "Roles and scope") and whom getCohortAccess lets into any cohort — every active cohort.
 */
export async function listReviewCohorts(viewer: Pick<Reviewer, "id" | "isAdmin">) {
  return db.cohort.findMany({
    where: viewer.isAdmin
      ? { archivedAt: null }
      : { archivedAt: null, memberships: { some: { userId: viewer.id, role: "mentor", removedAt: null } } },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    select: { id: true, name: true, versionId: true, timezone: true, reviewTargetHours: true },
  });
}

// Every queue statement reads attempts through the same joins: learner, cohort, and the item's title and phase in
// the version the cohort follows (milestones and projects share one key space, so at most one of them matches).
const ATTEMPT_JOINS = Prisma.sql`
  FROM submissions s
  JOIN progress p ON p.id = s.progress_id
  JOIN memberships m ON m.id = p.membership_id
  JOIN users u ON u.id = m.user_id
  JOIN cohorts c ON c.id = m.cohort_id
  LEFT JOIN milestones mi ON mi.version_id = c.version_id AND mi.key = p.item_key
  LEFT JOIN phases ph ON ph.id = mi.phase_id
  LEFT JOIN portfolio_projects pp ON pp.version_id = c.version_id AND pp.key = p.item_key`;

/**
 * Waiting attempts a reviewer may see: pending, from a current learner of the cohort, and never their own — a
 * mentor who learns in another cohort (or an admin who learns anywhere) does not review themselves (docs/security.md #4).
 */
function waitingFor(viewerId: string) {
  return Prisma.sql`s.status = 'pending' AND m.removed_at IS NULL AND m.user_id <> ${viewerId}::uuid`;
}

function filterSql(filters: QueueFilters) {
  const parts: Prisma.Sql[] = [];
  if (filters.cohort) parts.push(Prisma.sql`AND m.cohort_id = ${filters.cohort}::uuid`);
  if (filters.phase === PROJECTS_PHASE) parts.push(Prisma.sql`AND pp.id IS NOT NULL`);
  else if (filters.phase) parts.push(Prisma.sql`AND ph.key = ${filters.phase}`);
  if (filters.learner) parts.push(Prisma.sql`AND u.name ILIKE ${containsPattern(filters.learner)}`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

type ReplacedLinkSql = {
  link_id: string;
  submission_id: string;
  learner_name: string;
  title: string;
  cohort_name: string;
  url: string;
  replacement_url: string;
  replaced_at: Date;
};

type QueueRowSql = {
  id: string;
  attempt: number;
  created_at: Date;
  learner_name: string;
  item_key: string;
  title: string;
  is_project: boolean;
  phase_title: string | null;
  cohort_id: string;
  claimed_by_id: string | null;
  claimed_by_name: string | null;
  claimed_until: Date | null;
  matching: bigint;
};

/**
 * The review queue in five statements whatever the number of learners or attempts (docs/performance.md): the cohorts
 * in scope; the oldest matching attempts with their total; per-cohort counts; the phases to filter by; the replaced
 * links waiting for re-approval (decision 063).
 * `filters.cohort` must already be one of `cohorts` (the loader checks it).
 */
export async function getReviewQueue(
  viewer: Pick<Reviewer, "id" | "isAdmin">,
  cohorts: Awaited<ReturnType<typeof listReviewCohorts>>,
  filters: QueueFilters,
  now = new Date(),
): Promise<ReviewQueue> {
  const scope = viewer.isAdmin ? "admin" : "mentor";
  if (cohorts.length === 0) {
    return {
      now: now.toISOString(),
      scope,
      filters,
      cohorts: [],
      phases: [],
      rows: [],
      matching: 0,
      waiting: 0,
      reviewedThisWeek: 0,
      replacedLinks: [],
    };
  }
  const ids = cohorts.map((cohort) => cohort.id);
  const since = new Date(now.getTime() - REVIEWED_WINDOW_DAYS * DAY_MS);
  const [rows, counts, phases, replaced] = await Promise.all([
    db.$queryRaw<QueueRowSql[]>`
      SELECT s.id, s.attempt, s.created_at, u.name AS learner_name, p.item_key,
             COALESCE(mi.title, pp.title, p.item_key) AS title, (pp.id IS NOT NULL) AS is_project,
             ph.title AS phase_title, m.cohort_id,
             cu.id AS claimed_by_id, cu.name AS claimed_by_name, s.claimed_until,
             count(*) OVER () AS matching
        ${ATTEMPT_JOINS}
        LEFT JOIN users cu ON cu.id = s.claimed_by_id AND s.claimed_until > ${now}::timestamptz
       WHERE ${waitingFor(viewer.id)} AND m.cohort_id = ANY(${ids}::uuid[]) ${filterSql(filters)}
       ORDER BY s.created_at ASC, s.id ASC
       LIMIT ${QUEUE_PAGE_SIZE}`,
    db.$queryRaw<{ cohort_id: string; waiting: number; overdue: number; reviewed: number }[]>`
      SELECT m.cohort_id, count(*)::int AS waiting,
             count(*) FILTER (
               WHERE s.created_at < ${now}::timestamptz - make_interval(hours => c.review_target_hours)
             )::int AS overdue,
             0 AS reviewed
        FROM submissions s
        JOIN progress p ON p.id = s.progress_id
        JOIN memberships m ON m.id = p.membership_id
        JOIN cohorts c ON c.id = m.cohort_id
       WHERE ${waitingFor(viewer.id)} AND m.cohort_id = ANY(${ids}::uuid[])
       GROUP BY m.cohort_id
      UNION ALL
      SELECT m.cohort_id, 0, 0, count(*)::int
        FROM reviews r
        JOIN submissions s ON s.id = r.submission_id
        JOIN progress p ON p.id = s.progress_id
        JOIN memberships m ON m.id = p.membership_id
       WHERE r.created_at >= ${since}::timestamptz AND m.cohort_id = ANY(${ids}::uuid[])
       GROUP BY m.cohort_id`,
    db.phase.findMany({
      where: { versionId: { in: [...new Set(cohorts.map((cohort) => cohort.versionId))] }, archivedAt: null },
      orderBy: [{ position: "asc" }, { title: "asc" }],
      select: { key: true, title: true },
    }),
    db.$queryRaw<ReplacedLinkSql[]>`
      SELECT l.id AS link_id, s.id AS submission_id, u.name AS learner_name, COALESCE(mi.title, pp.title, p.item_key) AS title,
             c.name AS cohort_name, l.url, l.replacement_url, l.replaced_at
        ${ATTEMPT_JOINS}
        JOIN submission_links l ON l.submission_id = s.id
       WHERE l.replacement_url IS NOT NULL AND s.status = 'approved' AND m.removed_at IS NULL
         AND m.user_id <> ${viewer.id}::uuid AND m.cohort_id = ANY(${ids}::uuid[])
       ORDER BY l.replaced_at ASC, l.id ASC
       LIMIT ${QUEUE_PAGE_SIZE}`,
  ]);

  const cohortOf = new Map(cohorts.map((cohort) => [cohort.id, cohort]));
  const countsOf = new Map<string, { waiting: number; overdue: number; reviewed: number }>();
  for (const row of counts) {
    const current = countsOf.get(row.cohort_id) ?? { waiting: 0, overdue: 0, reviewed: 0 };
    countsOf.set(row.cohort_id, {
      waiting: current.waiting + row.waiting,
      overdue: current.overdue + row.overdue,
      reviewed: current.reviewed + row.reviewed,
    });
  }
  const queueCohorts: QueueCohort[] = cohorts.map((cohort) => {
    const count = countsOf.get(cohort.id);
    return {
      id: cohort.id,
      name: cohort.name,
      timezone: cohort.timezone,
      reviewTargetHours: cohort.reviewTargetHours,
      waiting: count?.waiting ?? 0,
      overdue: count?.overdue ?? 0,
      reviewedThisWeek: count?.reviewed ?? 0,
    };
  });
  // Cohorts on different versions usually share phase keys; the filter lists each key once.
  const seen = new Set<string>();
  const phaseOptions = phases.filter((phase) => !seen.has(phase.key) && seen.add(phase.key));

  return {
    now: now.toISOString(),
    scope,
    filters,
    cohorts: queueCohorts,
    phases: phaseOptions,
    rows: rows.map((row): QueueRow => {
      const cohort = cohortOf.get(row.cohort_id)!;
      return {
        submissionId: row.id,
        attempt: row.attempt,
        submittedAt: row.created_at.toISOString(),
        learnerName: row.learner_name,
        itemKey: row.item_key,
        title: row.title,
        kind: row.is_project ? "project" : "milestone",
        phaseTitle: row.phase_title,
        cohortId: cohort.id,
        cohortName: cohort.name,
        timezone: cohort.timezone,
        reviewTargetHours: cohort.reviewTargetHours,
        claim:
          row.claimed_by_id && row.claimed_until
            ? {
                byViewer: row.claimed_by_id === viewer.id,
                name: row.claimed_by_name ?? "",
                until: row.claimed_until.toISOString(),
                untilClock: formatClock(row.claimed_until, cohort.timezone),
              }
            : null,
      };
    }),
    matching: Number(rows[0]?.matching ?? 0),
    waiting: queueCohorts.reduce((sum, cohort) => sum + cohort.waiting, 0),
    reviewedThisWeek: queueCohorts.reduce((sum, cohort) => sum + cohort.reviewedThisWeek, 0),
    replacedLinks: replaced.map((row) => ({
      linkId: row.link_id,
      submissionId: row.submission_id,
      learnerName: row.learner_name,
      title: row.title,
      cohortName: row.cohort_name,
      url: row.url,
      replacementUrl: row.replacement_url,
      replacedAt: row.replaced_at.toISOString(),
    })),
  };
}

type PendingRowSql = {
  id: string;
  attempt: number;
  created_at: Date;
  note: string;
  learner_name: string;
  item_key: string;
  title: string;
  is_project: boolean;
  cohort_id: string;
  cohort_name: string;
  links: { url: string; label: string | null }[];
};

/**
 * One page of the waiting attempts in `cohortIds` for the API, oldest first, after `after` (keyset: the attempt's
 * creation instant and id), with their links: one statement whatever the page size. `limit + 1` rows are read so the
 * caller knows whether another page follows. `cohortIds` must already be the viewer's review scope.
 */
export async function listPendingPage(
  viewer: Pick<Reviewer, "id">,
  cohortIds: string[],
  after: KeysetCursor | null,
  limit: number,
): Promise<PendingAttempt[]> {
  if (cohortIds.length === 0) return [];
  const rows = await db.$queryRaw<PendingRowSql[]>`
    SELECT s.id, s.attempt, s.created_at, s.note, u.name AS learner_name, p.item_key,
           COALESCE(mi.title, pp.title, p.item_key) AS title, (pp.id IS NOT NULL) AS is_project,
           c.id AS cohort_id, c.name AS cohort_name,
           COALESCE((SELECT json_agg(json_build_object('url', l.url, 'label', l.label) ORDER BY l.position)
                       FROM submission_links l WHERE l.submission_id = s.id), '[]'::json) AS links
      ${ATTEMPT_JOINS}
     WHERE ${waitingFor(viewer.id)} AND m.cohort_id = ANY(${cohortIds}::uuid[])
       ${after ? Prisma.sql`AND (s.created_at, s.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY s.created_at ASC, s.id ASC
     LIMIT ${limit + 1}`;
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    attempt: row.attempt,
    submittedAt: row.created_at.toISOString(),
    note: row.note,
    links: row.links,
    learner: { name: row.learner_name },
    milestone: { key: row.item_key, title: row.title, kind: row.is_project ? "project" : "milestone" },
    cohort: { id: row.cohort_id, name: row.cohort_name },
  }));
}

/** An attempt the viewer may review, with the cohort access that allows it. */
export type ReviewScope = {
  submissionId: string;
  submittedAt: Date;
  progressId: string;
  membershipId: string;
  learnerId: string;
  itemKey: string;
  access: CohortAccess;
};

/**
 * Derives scope from the attempt (attempt → learner's membership → cohort → its mentors), never from the client:
 * null when the id is unknown, the learner was removed, the attempt is the viewer's own (docs/security.md #4), the
 * viewer neither mentors the cohort nor is an admin (#3), or `cohortHint` names another cohort. Every one of those
 * looks the same to the caller. Reads the database each time, so a removed mentor is refused at once (#5).
 */
export async function getReviewScope(
  viewer: Pick<Reviewer, "id" | "isAdmin">,
  submissionId: string,
  cohortHint?: string,
): Promise<ReviewScope | null> {
  const submission = await db.submission.findUnique({
    where: { id: submissionId },
    relationLoadStrategy: "join",
    select: {
      id: true,
      createdAt: true,
      progressId: true,
      progress: {
        select: {
          itemKey: true,
          membershipId: true,
          membership: { select: { userId: true, cohortId: true, removedAt: true } },
        },
      },
    },
  });
  if (!submission) return null;
  const { membership } = submission.progress;
  if (!canReviewAttemptOf(viewer, membership)) return null;
  if (cohortHint !== undefined && cohortHint !== membership.cohortId) return null;
  const access = await getCohortAccess(viewer, membership.cohortId);
  if (!access) return null;
  return {
    submissionId: submission.id,
    submittedAt: submission.createdAt,
    progressId: submission.progressId,
    membershipId: submission.progress.membershipId,
    learnerId: membership.userId,
    itemKey: submission.progress.itemKey,
    access,
  };
}

/**
 * The attempt after `scope`'s in the viewer's queue (oldest first, wrapping round to the oldest), skipping
 * attempts someone else has claimed; null when nothing else waits.
 */
async function getNextInQueue(
  viewer: Pick<Reviewer, "id" | "isAdmin">,
  scope: ReviewScope,
  filters: QueueFilters,
  now: Date,
) {
  const inScope = viewer.isAdmin
    ? Prisma.sql`TRUE`
    : Prisma.sql`EXISTS (
        SELECT 1 FROM memberships mm
         WHERE mm.cohort_id = m.cohort_id AND mm.user_id = ${viewer.id}::uuid AND mm.role = 'mentor' AND mm.removed_at IS NULL)`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id
      ${ATTEMPT_JOINS}
     WHERE ${waitingFor(viewer.id)} AND c.archived_at IS NULL AND s.id <> ${scope.submissionId}::uuid
       AND (s.claimed_by_id IS NULL OR s.claimed_until IS NULL OR s.claimed_until <= ${now}::timestamptz
            OR s.claimed_by_id = ${viewer.id}::uuid)
       AND ${inScope} ${filterSql(filters)}
     ORDER BY (s.created_at, s.id) > (${scope.submittedAt}::timestamptz, ${scope.submissionId}::uuid) DESC,
              s.created_at ASC, s.id ASC
     LIMIT 1`;
  return rows[0]?.id ?? null;
}

function claimOf(
  claim: { claimedUntil: Date | null; claimedBy: { id: string; name: string } | null },
  viewerId: string,
  timezone: string,
  now: Date,
): ClaimView | null {
  if (!claim.claimedBy || !claim.claimedUntil || claim.claimedUntil <= now) return null;
  return {
    byViewer: claim.claimedBy.id === viewerId,
    name: claim.claimedBy.name,
    until: claim.claimedUntil.toISOString(),
    untilClock: formatClock(claim.claimedUntil, timezone),
  };
}

const SAVED_REPLY_SELECT = { id: true, title: true, body: true } as const;

/** A person's own saved replies, by title (the picker filters them by title as the mentor types). */
export async function listSavedReplies(ownerId: string): Promise<SavedReplyView[]> {
  return db.savedReply.findMany({ where: { ownerId }, orderBy: [{ title: "asc" }, { id: "asc" }], select: SAVED_REPLY_SELECT });
}

/** Everything the review screen shows, in five statements after the scope check (the fifth: the viewer's saved replies). */
export async function getReviewScreen(
  viewer: Pick<Reviewer, "id" | "isAdmin">,
  scope: ReviewScope,
  filters: QueueFilters,
  now = new Date(),
): Promise<ReviewScreen> {
  const [progress, version, thread, nextId, savedReplies] = await Promise.all([
    db.progress.findUniqueOrThrow({
      where: { id: scope.progressId },
      relationLoadStrategy: "join",
      select: {
        status: true,
        membership: { select: { user: { select: { name: true } } } },
        submissions: {
          orderBy: { attempt: "desc" },
          select: { ...ATTEMPT_SELECT, claimedUntil: true, claimedBy: { select: { id: true, name: true } } },
        },
      },
    }),
    db.roadmapVersion.findUniqueOrThrow({
      where: { id: scope.access.versionId },
      relationLoadStrategy: "join",
      select: {
        milestones: {
          where: { key: scope.itemKey },
          select: { title: true, description: true, doneWhen: true, phase: { select: { title: true } } },
        },
        projects: { where: { key: scope.itemKey }, select: { title: true, description: true, doneWhen: true } },
      },
    }),
    db.comment.findMany({
      where: { membershipId: scope.membershipId, itemKey: scope.itemKey, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: THREAD_COMMENT_SELECT,
    }),
    getNextInQueue(viewer, scope, filters, now),
    listSavedReplies(viewer.id),
  ]);

  const attempts: (AttemptView & { claim: ClaimView | null })[] = progress.submissions.map((submission) => ({
    ...toAttemptView(submission),
    claim: claimOf(submission, viewer.id, scope.access.timezone, now),
  }));
  const current = attempts.find((attempt) => attempt.id === scope.submissionId)!;
  const { claim, ...attempt } = current;
  const milestone = version.milestones[0];
  const project = version.projects[0];
  const item = milestone ?? project;
  const query = queueQuery(filters);

  return {
    now: now.toISOString(),
    submissionId: scope.submissionId,
    cohortId: scope.access.cohortId,
    cohortName: scope.access.cohortName,
    timezone: scope.access.timezone,
    reviewTargetHours: scope.access.reviewTargetHours,
    learnerName: progress.membership.user.name,
    kind: !milestone && project ? "project" : "milestone",
    itemKey: scope.itemKey,
    // An item dropped from the cohort's current version keeps its attempts; its key is the best name left.
    title: item?.title ?? scope.itemKey,
    description: item?.description ?? "",
    doneWhen: item?.doneWhen ?? [],
    phaseTitle: milestone?.phase.title ?? null,
    progressStatus: progress.status as ProgressStatus,
    status: attempt.status,
    attempt,
    earlier: attempts.filter((other) => other.id !== scope.submissionId).map(({ claim: _claim, ...other }) => other),
    claim,
    thread: thread.map((comment) => toThreadComment(comment, scope.learnerId)),
    savedReplies,
    nextHref: nextId ? `/reviews/${nextId}${query}` : `/reviews${query}`,
    queueHref: `/reviews${query}`,
  };
}

/** The attempt an evidence link belongs to, so the review scope can be derived from it; null for an unknown link. */
export async function getLinkSubmissionId(linkId: string): Promise<string | null> {
  const link = await db.submissionLink.findUnique({ where: { id: linkId }, select: { submissionId: true } });
  return link?.submissionId ?? null;
}
