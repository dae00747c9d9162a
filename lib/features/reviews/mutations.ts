import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { auditInsert } from "@/lib/features/audit/mutations";
import { notificationInsert, notify } from "@/lib/features/notifications/mutations";
import { getItemRules, itemRulesQuery, type ItemRulesRow } from "@/lib/features/progress/data";
import { detectLinkKind } from "@/lib/features/progress/link-kinds";
import { transition } from "@/lib/features/progress/policy";
import { CLAIM_MINUTES, SAVED_REPLIES_MAX, SAVED_REPLY_MESSAGES } from "@/lib/features/reviews/constants";
import type { Reviewer, ReviewScope } from "@/lib/features/reviews/data";
import type { DecisionResult, SavedReplyView } from "@/lib/features/reviews/types";
import { formatClock, formatMoment } from "@/lib/calendar-zones";
import { kickDeliveries, personData, siteLink, webhookEventInsert } from "@/lib/features/webhooks/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceRequirement, ProgressStatus, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { parseHttpUrl } from "@/lib/safe-url";

const MINUTE_MS = 60 * 1000;

type AttemptState = {
  status: SubmissionStatus;
  claimedUntil: Date | null;
  claimedBy: { id: string; name: string } | null;
  review: { createdAt: Date; reviewer: { name: string } } | null;
};

const ATTEMPT_STATE = {
  status: true,
  claimedUntil: true,
  claimedBy: { select: { id: true, name: true } },
  review: { select: { createdAt: true, reviewer: { select: { name: true } } } },
} as const;

function heldByOther(claim: { claimedById: string | null; claimedUntil: Date | null }, reviewerId: string, now: Date) {
  return !!claim.claimedById && claim.claimedById !== reviewerId && !!claim.claimedUntil && claim.claimedUntil > now;
}

/** Why an attempt cannot be claimed or decided any more — or null when it still can. */
function closedReason(state: AttemptState, timezone: string): AppError | null {
  if (state.review) {
    return new AppError("CONFLICT", `Already decided by ${state.review.reviewer.name} at ${formatMoment(state.review.createdAt, timezone)}.`);
  }
  if (state.status === "withdrawn") return new AppError("CONFLICT", "The learner withdrew this attempt.");
  if (state.status !== "pending") return new AppError("CONFLICT", "This attempt is no longer waiting for review.");
  return null;
}

function claimedConflict(state: AttemptState, timezone: string) {
  return new AppError(
    "CONFLICT",
    `${state.claimedBy!.name} is reviewing this attempt (claimed until ${formatClock(state.claimedUntil!, timezone)}).`,
  );
}

/**
 * "Claim": the attempt is the reviewer's for 30 minutes. One conditional UPDATE decides between two mentors
 * claiming at once; a claim whose time has passed counts as free, so nobody waits on a mentor who walked away.
 */
export async function claimSubmission(scope: ReviewScope, reviewer: Pick<Reviewer, "id">, now = new Date()) {
  const claimedUntil = new Date(now.getTime() + CLAIM_MINUTES * MINUTE_MS);
  const { count } = await db.submission.updateMany({
    where: {
      id: scope.submissionId,
      status: "pending",
      OR: [{ claimedById: null }, { claimedUntil: null }, { claimedUntil: { lte: now } }, { claimedById: reviewer.id }],
    },
    data: { claimedById: reviewer.id, claimedUntil },
  });
  if (count === 1) return { claimedUntil: claimedUntil.toISOString(), untilClock: formatClock(claimedUntil, scope.access.timezone) };
  const state = await db.submission.findUniqueOrThrow({ where: { id: scope.submissionId }, select: ATTEMPT_STATE });
  throw closedReason(state, scope.access.timezone) ?? claimedConflict(state, scope.access.timezone);
}

/** "Release": only the mentor holding a claim gives it back; an expired or absent claim is already free. */
export async function releaseSubmission(scope: ReviewScope, reviewer: Pick<Reviewer, "id">, now = new Date()) {
  const { count } = await db.submission.updateMany({
    where: { id: scope.submissionId, claimedById: reviewer.id },
    data: { claimedById: null, claimedUntil: null },
  });
  if (count === 1) return;
  const state = await db.submission.findUniqueOrThrow({ where: { id: scope.submissionId }, select: ATTEMPT_STATE });
  if (heldByOther({ claimedById: state.claimedBy?.id ?? null, claimedUntil: state.claimedUntil }, reviewer.id, now)) {
    throw new AppError("CONFLICT", `${state.claimedBy!.name} holds this claim; only they can release it.`);
  }
}

/**
 * Gives back every claim `userId` holds on an attempt they may no longer review: in a cohort they do not mentor
 * (any more), unless they are an active admin, who may review anywhere (docs/security.md #41). Runs inside the
 * caller's transaction after its change, so removal, demotion or deactivation and the freed attempts commit together
 * and another mentor can claim at once instead of waiting out the 30 minutes. Returns how many were released.
 */
export async function releaseClaimsWithoutAccess(tx: Tx, userId: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE submissions s SET claimed_by_id = NULL, claimed_until = NULL, updated_at = now()
      FROM progress p
      JOIN memberships m ON m.id = p.membership_id
     WHERE s.claimed_by_id = ${userId}::uuid AND p.id = s.progress_id
       AND NOT EXISTS (
         SELECT 1 FROM users u
          WHERE u.id = ${userId}::uuid AND u.deactivated_at IS NULL
            AND (u.is_admin OR EXISTS (
              SELECT 1 FROM memberships mentor
               WHERE mentor.cohort_id = m.cohort_id AND mentor.user_id = u.id
                 AND mentor.role = 'mentor' AND mentor.removed_at IS NULL)))`;
}

const FALLBACK_RULES = { evidence: "required", reviewRequired: true } as const;

/** The item as the cohort's version has it; an item dropped from the version keeps its key as its name. */
async function itemOf(scope: ReviewScope): Promise<ItemRulesRow> {
  return (await getItemRules(scope.access.versionId, scope.itemKey)) ?? { key: scope.itemKey, title: scope.itemKey, ...FALLBACK_RULES };
}

/** Where a learner's notification about this item leads: their milestone page in this cohort. */
function itemHref(scope: ReviewScope) {
  return `/roadmap/${scope.itemKey}?cohort=${scope.access.cohortId}`;
}

/** The reviews row written by whoever won a race, read after our own transaction was rolled back. */
async function winnerConflict(scope: ReviewScope) {
  const state = await db.submission.findUniqueOrThrow({ where: { id: scope.submissionId }, select: ATTEMPT_STATE });
  return closedReason(state, scope.access.timezone) ?? new AppError("CONFLICT", "This attempt changed meanwhile. Reload it.");
}

/**
 * The learner's progress row and the attempt, both locked, with the item's rules, in one statement. Only the locked
 * rows are sure to be current after waiting for a lock (READ COMMITTED re-reads just those), so the names that
 * explain a refusal — who holds the claim, who decided first — are read afterwards, and only when there is a refusal.
 */
async function lockForDecision(tx: Tx, scope: ReviewScope) {
  const [row] = await tx.$queryRaw<
    {
      progress_status: ProgressStatus;
      status: SubmissionStatus;
      attempt: number;
      claimed_until: Date | null;
      claimed_by_id: string | null;
      item_title: string | null;
      item_evidence: EvidenceRequirement | null;
      item_review_required: boolean | null;
    }[]
  >`
    SELECT p.status AS progress_status, s.status, s.attempt, s.claimed_until, s.claimed_by_id,
           item.title AS item_title, item.evidence AS item_evidence, item.review_required AS item_review_required
      FROM progress p
      JOIN submissions s ON s.id = ${scope.submissionId}::uuid AND s.progress_id = p.id
      LEFT JOIN LATERAL (${itemRulesQuery(scope.access.versionId, scope.itemKey)}) item ON true
     WHERE p.id = ${scope.progressId}::uuid
       FOR UPDATE OF p, s`;
  if (!row) throw new AppError("NOT_FOUND", "This attempt does not exist.");
  const item: ItemRulesRow =
    row.item_title === null
      ? { key: scope.itemKey, title: scope.itemKey, ...FALLBACK_RULES }
      : { key: scope.itemKey, title: row.item_title, evidence: row.item_evidence!, reviewRequired: row.item_review_required! };
  return { progressStatus: row.progress_status, status: row.status, attempt: row.attempt, claimedUntil: row.claimed_until, claimedById: row.claimed_by_id, item };
}

/**
 * "Approve" / "Request changes" (docs/security.md #25, #28). One transaction: the learner's progress row is locked
 * `FOR UPDATE` — the same row and lock as the learner's submit and withdraw — so a withdraw and a decision, or two
 * decisions, run one after the other; the second one sees the first and gets a conflict naming it. The review,
 * both statuses, the cleared claim, the audit event, the learner's notification and the webhook events
 * (`submission.reviewed`, and `milestone.completed` on an approval that completes it) are one statement, so they
 * commit together or not at all, and a decision costs two statements inside its transaction (docs/performance.md).
 * The unique reviews.submission_id is the last line of defence: if it ever fires, the caller still gets a
 * conflict naming the winner, never a 500 and never an overwrite.
 */
export async function recordDecision(
  scope: ReviewScope,
  reviewer: Actor & { name: string },
  input: { decision: "approve" | "request_changes"; comment: string },
  now = new Date(),
): Promise<DecisionResult> {
  try {
    const decided = await db.$transaction(async (tx) => {
      const state = await lockForDecision(tx, scope);
      if (state.status !== "pending" || heldByOther(state, reviewer.id, now)) {
        const current = await tx.submission.findUniqueOrThrow({ where: { id: scope.submissionId }, select: ATTEMPT_STATE });
        throw closedReason(current, scope.access.timezone) ?? claimedConflict(current, scope.access.timezone);
      }
      const next = transition(state.progressStatus, input.decision, state.item);
      if (!next.ok) throw new AppError("INVALID_STATE", next.message);

      const approved = input.decision === "approve";
      const submissionStatus: SubmissionStatus = approved ? "approved" : "changes_requested";
      const audit = auditInsert({
        actor: reviewer,
        action: approved ? "review.approve" : "review.request_changes",
        targetType: "submission",
        targetId: scope.submissionId,
        cohortId: scope.access.cohortId,
        before: { submission: state.status, progress: state.progressStatus },
        after: { submission: submissionStatus, progress: next.status },
        createdAt: now,
      })!;
      const notification = notificationInsert({
        userId: scope.learnerId,
        type: "decision",
        title: approved ? `Approved: ${state.item.title}` : `Changes requested: ${state.item.title}`,
        href: itemHref(scope),
      });
      const shared = {
        cohort: { id: scope.access.cohortId, name: scope.access.cohortName },
        learner: personData(scope.learnerId),
        milestone: { key: scope.itemKey, title: state.item.title },
      };
      const reviewed = webhookEventInsert(
        "submission.reviewed",
        {
          ...shared,
          submission: { id: scope.submissionId, attempt: state.attempt, status: submissionStatus, url: siteLink(`/reviews/${scope.submissionId}`) },
          decision: input.decision,
          // The comment the learner reads with the decision; mentors' thread comments and notes never go out.
          comment: input.comment,
          reviewer: { id: reviewer.id, name: reviewer.name },
        },
        { now },
      );
      const completed = approved
        ? Prisma.sql`, completed AS (${webhookEventInsert(
            "milestone.completed",
            {
              ...shared,
              completedBy: "review",
              submission: { id: scope.submissionId, attempt: state.attempt },
              url: siteLink(`/cohorts/${scope.access.cohortId}/learners/${scope.membershipId}`),
            },
            { now },
          )})`
        : Prisma.empty;
      await tx.$executeRaw`
        WITH review AS (
               INSERT INTO reviews (id, submission_id, reviewer_id, decision, comment, created_at, updated_at)
               VALUES (uuidv7(), ${scope.submissionId}::uuid, ${reviewer.id}::uuid, ${input.decision}::decision, ${input.comment}, ${now}, ${now})),
             attempt AS (
               UPDATE submissions SET status = ${submissionStatus}::submission_status, claimed_by_id = NULL, claimed_until = NULL, updated_at = ${now}
                WHERE id = ${scope.submissionId}::uuid),
             progress_row AS (
               UPDATE progress SET status = ${next.status}::progress_status, completed_at = ${approved ? now : null},
                      lock_version = lock_version + 1, updated_at = ${now}
                WHERE id = ${scope.progressId}::uuid),
             audit AS (${audit}),
             notification AS (${notification}),
             reviewed AS (${reviewed})
             ${completed}
        SELECT 1`;
      return {
        status: next.status,
        decision: input.decision,
        submissionId: scope.submissionId,
        attempt: state.attempt,
        submissionStatus,
        comment: input.comment,
        reviewerName: reviewer.name,
        decidedAt: now.toISOString(),
      };
    });
    kickDeliveries();
    return decided;
  } catch (error) {
    // Unreachable while the row lock holds, but a second reviews row must never surface as a 500.
    if (isUniqueViolation(error)) throw await winnerConflict(scope);
    throw error;
  }
}

/** A mentor's message in the milestone's thread; the learner is notified in the same transaction. */
export async function addMentorComment(scope: ReviewScope, author: Pick<Reviewer, "id" | "name">, body: string) {
  const item = await itemOf(scope);
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { membershipId: scope.membershipId, itemKey: scope.itemKey, authorId: author.id, body },
      select: { id: true },
    });
    await notify(tx, {
      userId: scope.learnerId,
      type: "comment",
      title: `${author.name} replied about “${item.title}”`,
      href: itemHref(scope),
    });
    return comment;
  });
}

const SAVED_REPLY_VIEW = { id: true, title: true, body: true } as const;

/**
 * Saves a reply for its owner, refusing the one past SAVED_REPLIES_MAX. Locking the owner's row first makes two
 * saves at once take turns, so both cannot pass the count.
 */
export async function createSavedReply(ownerId: string, input: { title: string; body: string }): Promise<SavedReplyView> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${ownerId}::uuid FOR NO KEY UPDATE`;
    if ((await tx.savedReply.count({ where: { ownerId } })) >= SAVED_REPLIES_MAX) {
      throw new AppError("INVALID_STATE", SAVED_REPLY_MESSAGES.full);
    }
    return tx.savedReply.create({ data: { ownerId, title: input.title, body: input.body }, select: SAVED_REPLY_VIEW });
  });
}

/** Another person's reply reads exactly like a missing one. */
export async function renameSavedReply(ownerId: string, input: { id: string; title: string }): Promise<SavedReplyView> {
  const { count } = await db.savedReply.updateMany({ where: { id: input.id, ownerId }, data: { title: input.title } });
  if (count === 0) throw new AppError("NOT_FOUND", SAVED_REPLY_MESSAGES.notFound);
  return db.savedReply.findUniqueOrThrow({ where: { id: input.id }, select: SAVED_REPLY_VIEW });
}

export async function deleteSavedReply(ownerId: string, id: string): Promise<void> {
  const { count } = await db.savedReply.deleteMany({ where: { id, ownerId } });
  if (count === 0) throw new AppError("NOT_FOUND", SAVED_REPLY_MESSAGES.notFound);
}

/**
 * "Re-approve link": the learner's replacement becomes the approved attempt's link (the old address kept as
 * `previous_url`), its health starts over, the learner is told and the audit log keeps both addresses. One
 * conditional UPDATE decides between two mentors clicking at once: the second finds nothing waiting and is told so.
 */
export async function reapproveLink(
  scope: ReviewScope,
  reviewer: Actor & { name: string },
  input: { linkId: string; replacementUrl: string },
  now = new Date(),
) {
  const replacement = parseHttpUrl(input.replacementUrl);
  if (!replacement) throw new AppError("INVALID_INPUT", "Use a full http:// or https:// address.");
  const item = await itemOf(scope);
  await db.$transaction(async (tx) => {
    const [changed] = await tx.$queryRaw<{ previous_url: string; url: string }[]>`
      UPDATE submission_links l
         SET previous_url = l.url, url = l.replacement_url, kind = ${detectLinkKind(replacement)}::link_kind,
             replacement_url = NULL, replaced_at = NULL, health = 'unchecked', checked_at = NULL, broken_since = NULL,
             check_error = NULL, updated_at = ${now}
        FROM submissions s
       WHERE l.id = ${input.linkId}::uuid AND s.id = l.submission_id AND s.id = ${scope.submissionId}::uuid
         AND s.status = 'approved' AND l.replacement_url = ${input.replacementUrl}
      RETURNING l.previous_url, l.url`;
    if (!changed) {
      const current = await tx.submissionLink.findUnique({ where: { id: input.linkId }, select: { replacementUrl: true } });
      throw new AppError(
        "CONFLICT",
        current?.replacementUrl
          ? "The learner changed the replacement meanwhile. Reload to see the new address."
          : "This link was already re-approved, or its replacement withdrawn. Reload the page.",
      );
    }
    await tx.$executeRaw(
      auditInsert({
        actor: reviewer,
        action: "review.link_reapprove",
        targetType: "submission_link",
        targetId: input.linkId,
        cohortId: scope.access.cohortId,
        before: { url: changed.previous_url },
        after: { url: changed.url },
        createdAt: now,
      })!,
    );
    await notify(tx, {
      userId: scope.learnerId,
      type: "decision",
      title: `New link approved: ${item.title}`,
      href: itemHref(scope),
    });
  });
}
