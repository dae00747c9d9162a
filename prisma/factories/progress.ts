import { db } from "@/lib/db";
import type { Decision, LinkKind, ProgressStatus } from "@/lib/generated/prisma/enums";

export async function setProgress(membershipId: string, itemKey: string, status: ProgressStatus, at = new Date()) {
  const completed = status === "done" || status === "approved";
  return db.progress.upsert({
    where: { membershipId_itemKey: { membershipId, itemKey } },
    create: { membershipId, itemKey, status, startedAt: at, completedAt: completed ? at : null, updatedAt: at },
    update: { status, completedAt: completed ? at : null },
  });
}

/** A pending attempt with its links; the progress row moves to "Submitted". */
export async function createSubmission({
  membershipId,
  itemKey,
  links,
  note = "",
  at = new Date(),
}: {
  membershipId: string;
  itemKey: string;
  links: { url: string; label?: string; kind?: LinkKind }[];
  note?: string;
  at?: Date;
}) {
  const progress = await setProgress(membershipId, itemKey, "submitted", at);
  const attempt = (await db.submission.count({ where: { progressId: progress.id } })) + 1;
  return db.submission.create({
    data: {
      progressId: progress.id,
      attempt,
      note,
      createdAt: at,
      links: {
        create: links.map((link, position) => ({ position, url: link.url, label: link.label, kind: link.kind ?? "web" })),
      },
    },
  });
}

/** Records a mentor's decision, moves the attempt and progress to match, and writes its audit row as the app does. */
export async function decideSubmission({
  submissionId,
  reviewerId,
  decision,
  comment = "",
  at = new Date(),
}: {
  submissionId: string;
  reviewerId: string;
  decision: Decision;
  comment?: string;
  at?: Date;
}) {
  const approved = decision === "approve";
  const previous = await db.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: { status: true, progress: { select: { status: true, membership: { select: { cohortId: true } } } } },
  });
  const submission = await db.submission.update({
    where: { id: submissionId },
    data: { status: approved ? "approved" : "changes_requested" },
  });
  await db.auditEvent.create({
    data: {
      actorId: reviewerId,
      action: approved ? "review.approve" : "review.request_changes",
      targetType: "submission",
      targetId: submissionId,
      cohortId: previous.progress.membership.cohortId,
      before: { submission: previous.status, progress: previous.progress.status },
      after: { submission: submission.status, progress: submission.status },
      createdAt: at,
    },
  });
  await db.progress.update({
    where: { id: submission.progressId },
    data: { status: approved ? "approved" : "changes_requested", completedAt: approved ? at : null },
  });
  const progress = await db.progress.findUniqueOrThrow({
    where: { id: submission.progressId },
    select: { itemKey: true, membership: { select: { userId: true, cohort: { select: { versionId: true } } } } },
  });
  const where = { versionId: progress.membership.cohort.versionId, key: progress.itemKey };
  const item = (await db.milestone.findFirst({ where, select: { title: true } })) ??
    (await db.portfolioProject.findFirst({ where, select: { title: true } }));
  const title = item?.title ?? progress.itemKey;
  await db.notification.create({
    data: {
      userId: progress.membership.userId,
      type: "decision",
      title: approved ? `Approved: ${title}` : `Changes requested: ${title}`,
      href: `/roadmap/${progress.itemKey}`,
      createdAt: at,
      readAt: approved ? at : null,
    },
  });
  return db.review.create({ data: { submissionId, reviewerId, decision, comment, createdAt: at } });
}

export async function addComment({
  membershipId,
  itemKey,
  authorId,
  body,
  at = new Date(),
}: {
  membershipId: string;
  itemKey: string;
  authorId: string;
  body: string;
  at?: Date;
}) {
  return db.comment.create({ data: { membershipId, itemKey, authorId, body, createdAt: at } });
}

export async function createCheckin({
  membershipId,
  weekStart,
  plannedKeys = [],
  plannedHours = 10,
  closed = true,
  notes = {},
  at,
}: {
  membershipId: string;
  weekStart: Date;
  plannedKeys?: string[];
  plannedHours?: number;
  closed?: boolean;
  notes?: Partial<Record<"learned" | "built" | "tested" | "documented" | "reviewed" | "blockers" | "reflection", string>>;
  /** When the plan was written; its last change is then the close-out (or this). Without it, both are now. */
  at?: Date;
}) {
  const closedAt = closed ? new Date(weekStart.getTime() + 6 * 24 * 3600 * 1000) : null;
  const updatedAt = at && closedAt && closedAt > at ? closedAt : at;
  return db.checkin.create({
    data: {
      membershipId,
      weekStart,
      plannedKeys,
      plannedHours,
      actualHours: closed ? plannedHours : null,
      closedAt,
      createdAt: at,
      updatedAt,
      ...notes,
    },
  });
}

/**
 * An evidence link the nightly check found broken (decision 063), as `links.check` leaves it after a 404 — and, with
 * `replacementUrl`, after the learner offered a new address that waits for a mentor.
 */
export async function breakLink({
  submissionId,
  position = 0,
  since = new Date(),
  reason = "404 Not Found",
  replacementUrl,
}: {
  submissionId: string;
  position?: number;
  since?: Date;
  reason?: string;
  replacementUrl?: string;
}) {
  return db.submissionLink.update({
    where: { submissionId_position: { submissionId, position } },
    data: {
      health: "broken",
      checkedAt: since,
      brokenSince: since,
      checkError: reason,
      ...(replacementUrl ? { replacementUrl, replacedAt: since } : {}),
    },
  });
}
