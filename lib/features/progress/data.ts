import "server-only";
import { db } from "@/lib/db";
import type { LearnerMembership } from "@/lib/auth/access";
import type {
  AttemptView,
  LearnerItem,
  LearnerRoadmap,
  RoadmapPhaseSection,
  SubmissionRecord,
  ThreadComment,
  VersionBanner,
} from "@/lib/features/progress/types";
import { dayOfDate } from "@/lib/calendar";
import { today as todayIn } from "@/lib/calendar-zones";
import { targetDates } from "@/lib/features/progress/utils";
import { MILESTONE_CONTENT_SELECT, PROJECT_CONTENT_SELECT } from "@/lib/features/roadmaps/constants";
import type { LearnerChangeCounts } from "@/lib/features/roadmaps/types";
import { liveInOrder } from "@/lib/features/roadmaps/utils";
import { describeLearnerChanges } from "@/lib/features/roadmaps/version-diff";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceRequirement, ProgressStatus } from "@/lib/generated/prisma/enums";

function pacingOf(membership: LearnerMembership) {
  return {
    startDate: dayOfDate(membership.startDate),
    weeksPerPhase: membership.weeksPerPhase,
    extensionDays: membership.extensionDays,
  };
}

/** The learner's roadmap: the cohort's pinned version with the learner's status on every milestone. */
export async function getLearnerRoadmap(membership: LearnerMembership, now = new Date()): Promise<LearnerRoadmap> {
  const [version, activity, assessments] = await Promise.all([
    db.roadmapVersion.findUniqueOrThrow({
      where: { id: membership.versionId },
      relationLoadStrategy: "join",
      select: {
        title: true,
        summary: true,
        number: true,
        releaseNote: true,
        weeklyRule: { orderBy: { position: "asc" }, select: { text: true } },
        criteria: { orderBy: { position: "asc" }, select: { key: true, text: true } },
        phases: liveInOrder({
          key: true,
          title: true,
          milestones: liveInOrder({ key: true, title: true, evidence: true, reviewRequired: true, effortHours: true }),
        }),
      },
    }),
    // The progress rows and whether the learner ever checked in, in one statement: with neither, the roadmap opens
    // with its welcome.
    db.membership.findUniqueOrThrow({
      where: { id: membership.membershipId },
      relationLoadStrategy: "join",
      select: {
        progress: {
          select: {
            itemKey: true,
            status: true,
            _count: { select: { submissions: true } },
            // The latest attempt, for scripts reading the roadmap through the API (what to wait for, what to withdraw).
            // Its broken links mark the row "Link broken" (decision 063); only an approved attempt's are ever broken.
            submissions: {
              orderBy: { attempt: "desc" },
              take: 1,
              select: { id: true, status: true, links: { where: { health: "broken" }, take: 1, select: { id: true } } },
            },
          },
        },
        _count: { select: { checkins: true } },
        // The banner about the cohort's last version move, folded into this statement (docs/performance.md).
        id: true,
        createdAt: true,
        versionBannerDismissedAt: true,
        cohort: { select: { versionMovedAt: true, versionMoveChanges: true } },
      },
    }),
    db.criterionAssessment.findMany({
      where: { membershipId: membership.membershipId },
      relationLoadStrategy: "join",
      select: {
        criterionKey: true,
        level: true,
        justification: true,
        signedOffAt: true,
        signedOffBy: { select: { name: true } },
      },
    }),
  ]);
  const assessmentOf = new Map(assessments.map((row) => [row.criterionKey, row]));
  const { progress } = activity;
  const byKey = new Map(progress.map((row) => [row.itemKey, row]));
  const pacing = pacingOf(membership);
  const today = todayIn(membership.timezone, now);
  const targets = targetDates(
    version.phases.map((phase) => phase.milestones.length),
    pacing,
  );

  const phases: RoadmapPhaseSection[] = version.phases.map((phase, index) => {
    const milestones = phase.milestones.map((milestone, position) => {
      const row = byKey.get(milestone.key);
      const latest = row?.submissions[0];
      return {
        ...milestone,
        status: row?.status ?? ("not_started" as ProgressStatus),
        attempts: row?._count.submissions ?? 0,
        linkBroken: latest?.status === "approved" && latest.links.length > 0,
        targetDate: targets.milestones[index]![position]!,
      };
    });
    return {
      key: phase.key,
      title: phase.title,
      targetDate: targets.phases[index]!,
      total: milestones.length,
      milestones,
    };
  });
  return {
    cohortId: membership.cohortId,
    cohortName: membership.cohortName,
    roadmapTitle: version.title,
    summary: version.summary,
    today,
    timezone: membership.timezone,
    startDate: pacing.startDate,
    welcome:
      progress.length === 0 && activity._count.checkins === 0
        ? {
            phaseCount: phases.length,
            milestoneCount: phases.reduce((sum, phase) => sum + phase.total, 0),
            weeklyRule: version.weeklyRule.map((item) => item.text),
            firstDue: phases.flatMap((phase) => phase.milestones)[0]?.targetDate ?? null,
          }
        : null,
    phases,
    latestAttempts: Object.fromEntries(
      progress.flatMap((row) => (row.submissions[0] ? [[row.itemKey, { id: row.submissions[0].id, status: row.submissions[0].status }]] : [])),
    ),
    versionBanner: versionBannerOf(activity, version),
    criteria: version.criteria.map((criterion) => {
      const assessment = assessmentOf.get(criterion.key);
      return {
        key: criterion.key,
        text: criterion.text,
        level: assessment?.level ?? null,
        justification: assessment?.justification ?? "",
        signedOffBy: assessment?.signedOffBy?.name ?? null,
        signedOffAt: assessment?.signedOffAt?.toISOString() ?? null,
      };
    }),
  };
}

/**
 * "Your roadmap was updated to …" while the cohort's last move happened after the learner joined and they have not
 * dismissed it since; null otherwise.
 */
function versionBannerOf(
  membership: { id: string; createdAt: Date; versionBannerDismissedAt: Date | null; cohort: { versionMovedAt: Date | null; versionMoveChanges: Prisma.JsonValue } },
  version: { title: string; number: number; releaseNote: string | null },
): VersionBanner | null {
  const movedAt = membership.cohort.versionMovedAt;
  if (!movedAt || membership.createdAt >= movedAt) return null;
  if (membership.versionBannerDismissedAt && membership.versionBannerDismissedAt >= movedAt) return null;
  const counts = membership.cohort.versionMoveChanges as LearnerChangeCounts | null;
  return {
    membershipId: membership.id,
    title: version.title,
    number: version.number,
    releaseNote: version.releaseNote,
    changes: counts ? describeLearnerChanges(counts) : "",
  };
}

/** A submission's evidence links, in the order the learner gave them. */
export const EVIDENCE_LINKS_SELECT = {
  orderBy: { position: "asc" },
  select: { url: true, label: true, kind: true },
} satisfies Prisma.Submission$linksArgs;

/** What `toAttemptView` reads of a submission. */
export const ATTEMPT_SELECT = {
  id: true,
  attempt: true,
  status: true,
  note: true,
  source: true,
  createdAt: true,
  withdrawnAt: true,
  links: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      url: true,
      label: true,
      kind: true,
      health: true,
      brokenSince: true,
      checkError: true,
      replacementUrl: true,
      replacedAt: true,
    },
  },
  review: { select: { decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
} satisfies Prisma.SubmissionSelect;

type AttemptRow = Prisma.SubmissionGetPayload<{ select: typeof ATTEMPT_SELECT }>;

/** What `toThreadComment` reads of a comment. */
export const THREAD_COMMENT_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  authorId: true,
  author: { select: { name: true } },
} satisfies Prisma.CommentSelect;

/** A comment of an item's thread as the learner and their mentors see it; `learnerId` marks the learner's own. */
export function toThreadComment(
  comment: Prisma.CommentGetPayload<{ select: typeof THREAD_COMMENT_SELECT }>,
  learnerId: string,
): ThreadComment {
  return {
    id: comment.id,
    body: comment.body,
    authorName: comment.author.name,
    byLearner: comment.authorId === learnerId,
    createdAt: comment.createdAt.toISOString(),
  };
}

/** An attempt as both the learner's milestone page and the mentor's review screen show it. */
export function toAttemptView(submission: AttemptRow): AttemptView {
  return {
    id: submission.id,
    attempt: submission.attempt,
    status: submission.status,
    note: submission.note,
    source: submission.source,
    createdAt: submission.createdAt.toISOString(),
    withdrawnAt: submission.withdrawnAt?.toISOString() ?? null,
    links: submission.links.map(({ id, url, label, kind, health, brokenSince, checkError, replacementUrl, replacedAt }) => ({
      id,
      url,
      label,
      kind,
      // Only an approved attempt's links are checked; what the check found means nothing on another attempt.
      broken: submission.status === "approved" && health === "broken" ? { since: brokenSince?.toISOString() ?? null, reason: checkError ?? "" } : null,
      replacement: replacementUrl ? { url: replacementUrl, at: replacedAt?.toISOString() ?? null } : null,
    })),
    decision: submission.review
      ? {
          decision: submission.review.decision,
          comment: submission.review.comment,
          reviewerName: submission.review.reviewer.name,
          decidedAt: submission.review.createdAt.toISOString(),
        }
      : null,
  };
}

/** One milestone or project as the learner works on it: the brief, every attempt, the thread and their notes. */
export async function getLearnerItem(membership: LearnerMembership, key: string): Promise<LearnerItem | null> {
  const [version, progress, thread, notes] = await Promise.all([
    db.roadmapVersion.findUniqueOrThrow({
      where: { id: membership.versionId },
      relationLoadStrategy: "join",
      select: {
        phases: liveInOrder({
          title: true,
          milestones: liveInOrder(MILESTONE_CONTENT_SELECT),
        }),
        projects: {
          where: { key, archivedAt: null },
          select: PROJECT_CONTENT_SELECT,
        },
      },
    }),
    db.progress.findMany({
      where: { membershipId: membership.membershipId },
      relationLoadStrategy: "join",
      select: {
        itemKey: true,
        status: true,
        lockVersion: true,
        // Every row's status (a project lists its milestones'), but attempts of this item only.
        submissions: {
          where: { progress: { itemKey: key } },
          orderBy: { attempt: "desc" },
          select: ATTEMPT_SELECT,
        },
      },
    }),
    db.comment.findMany({
      where: { membershipId: membership.membershipId, itemKey: key, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: THREAD_COMMENT_SELECT,
    }),
    db.privateNote.findMany({
      where: { membershipId: membership.membershipId, itemKey: key },
      orderBy: { createdAt: "asc" },
      select: { id: true, body: true, updatedAt: true },
    }),
  ]);

  const statusOf = new Map(progress.map((row) => [row.itemKey, row.status]));
  const targets = targetDates(
    version.phases.map((phase) => phase.milestones.length),
    pacingOf(membership),
  );
  const mine = progress.find((row) => row.itemKey === key);
  const common = {
    cohortId: membership.cohortId,
    cohortName: membership.cohortName,
    timezone: membership.timezone,
    status: mine?.status ?? ("not_started" as ProgressStatus),
    lockVersion: mine?.lockVersion ?? 0,
    attempts: (mine?.submissions ?? []).map(toAttemptView),
    thread: thread.map((comment) => toThreadComment(comment, membership.userId)),
    notes: notes.map((note) => ({ id: note.id, body: note.body, updatedAt: note.updatedAt.toISOString() })),
  };

  for (const [phaseIndex, phase] of version.phases.entries()) {
    const position = phase.milestones.findIndex((milestone) => milestone.key === key);
    if (position === -1) continue;
    const milestone = phase.milestones[position]!;
    return {
      ...common,
      kind: "milestone",
      ...milestone,
      resources: milestone.resources as { label: string; url: string }[],
      phaseTitle: phase.title,
      demonstrates: [],
      targetDate: targets.milestones[phaseIndex]![position]!,
    };
  }
  const project = version.projects[0];
  if (!project) return null;
  const titles = new Map(version.phases.flatMap((phase) => phase.milestones.map((m) => [m.key, m.title] as const)));
  return {
    ...common,
    kind: "project",
    key: project.key,
    title: project.title,
    description: project.description,
    doneWhen: project.doneWhen,
    resources: [],
    evidence: project.evidence,
    reviewRequired: project.reviewRequired,
    effortHours: null,
    phaseTitle: null,
    demonstrates: project.milestoneKeys
      .filter((milestoneKey) => titles.has(milestoneKey))
      .map((milestoneKey) => ({
        key: milestoneKey,
        title: titles.get(milestoneKey)!,
        status: statusOf.get(milestoneKey) ?? "not_started",
      })),
    targetDate: null,
  };
}

/** One of the learner's attempts by id, as API v1 answers with it; null when it is not theirs. */
export async function getSubmissionRecord(learnerId: string, submissionId: string): Promise<SubmissionRecord | null> {
  const row = await db.submission.findFirst({
    where: { id: submissionId, progress: { membership: { userId: learnerId, role: "learner", removedAt: null } } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      attempt: true,
      status: true,
      source: true,
      note: true,
      createdAt: true,
      links: EVIDENCE_LINKS_SELECT,
      progress: { select: { itemKey: true, status: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    milestoneKey: row.progress.itemKey,
    attempt: row.attempt,
    status: row.status,
    milestoneStatus: row.progress.status,
    source: row.source,
    links: row.links,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export type ItemRulesRow = { key: string; title: string; evidence: EvidenceRequirement; reviewRequired: boolean };

/** A live milestone or project of a version by key, in one statement (they share one key space). */
export async function getItemRules(versionId: string, key: string): Promise<ItemRulesRow | null> {
  const rows = await db.$queryRaw<{ key: string; title: string; evidence: EvidenceRequirement; review_required: boolean }[]>(
    itemRulesQuery(versionId, key),
  );
  const row = rows[0];
  return row ? { key: row.key, title: row.title, evidence: row.evidence, reviewRequired: row.review_required } : null;
}

/** getItemRules' query (key, title, evidence, review_required; at most one row), for statements that join it. */
export function itemRulesQuery(versionId: string, key: string): Prisma.Sql {
  return Prisma.sql`
    SELECT key, title, evidence, review_required FROM milestones
     WHERE version_id = ${versionId}::uuid AND key = ${key} AND archived_at IS NULL
    UNION ALL
    SELECT key, title, evidence, review_required FROM portfolio_projects
     WHERE version_id = ${versionId}::uuid AND key = ${key} AND archived_at IS NULL
    LIMIT 1`;
}
