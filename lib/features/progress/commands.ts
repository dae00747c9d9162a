import "server-only";
import { getLearnerMembership, type LearnerMembership } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { changeProgress, submitEvidence, type SubmitEvidenceInput, type SubmittedAttempt } from "@/lib/features/progress/mutations";
import type { TickEvent } from "@/lib/features/progress/policy";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

// A learner's writes that both the screens and API v1 make (decision 058): the viewer's own active learner
// membership is looked up in the database, whatever the caller sent or the token's scopes say, then the mutation.

/**
 * The viewer's active learner membership in that cohort, or their first one when none is named; anything else —
 * another learner's cohort, a cohort they only mentor, an archived one — reads as a missing milestone.
 */
export async function myMembership(viewer: Viewer, cohortId: string | undefined): Promise<LearnerMembership> {
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (membership) return membership;
  throw new AppError(
    "NOT_FOUND",
    cohortId === undefined ? "You are not a learner in any active cohort, so there is no milestone here." : "This milestone does not exist.",
  );
}

export type TickInput = { cohortId?: string; itemKey: string; event: TickEvent };

/** "Start", "Mark as done" and un-ticking: the roadmap's tick, and `POST /api/v1/milestones/{key}/complete`. */
export async function tickMilestoneAs(viewer: Viewer, { cohortId, itemKey, event }: TickInput): Promise<{ status: ProgressStatus }> {
  return changeProgress(await myMembership(viewer, cohortId), itemKey, event);
}

export type SubmitInput = SubmitEvidenceInput & { cohortId?: string; itemKey: string; idempotencyKey?: string };

/**
 * "Submit for review" with the evidence form, and `POST /api/v1/milestones/{key}/submissions`: one attempt, or the
 * one already waiting, or the first answer again for a known idempotency key.
 */
export async function submitEvidenceAs(viewer: Viewer, { cohortId, itemKey, idempotencyKey, ...evidence }: SubmitInput): Promise<SubmittedAttempt> {
  return submitEvidence(await myMembership(viewer, cohortId), itemKey, evidence, idempotencyKey);
}
