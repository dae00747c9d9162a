"use server";

import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { decideReviewAs, reviewScope } from "@/lib/features/reviews/commands";
import { SAVED_REPLY_MESSAGES } from "@/lib/features/reviews/constants";
import { getLinkSubmissionId, listReviewCohorts } from "@/lib/features/reviews/data";
import {
  addMentorComment,
  claimSubmission,
  createSavedReply,
  deleteSavedReply,
  reapproveLink,
  releaseSubmission,
  renameSavedReply,
} from "@/lib/features/reviews/mutations";
import { canUseReviewQueue } from "@/lib/features/reviews/policy";
import { actorOf } from "@/lib/auth/actor";
import {
  claimInputSchema,
  createSavedReplySchema,
  decisionInputSchema,
  deleteSavedReplySchema,
  mentorCommentInputSchema,
  reapproveLinkSchema,
  renameSavedReplySchema,
} from "@/lib/features/reviews/schema";
import type { DecisionResult, SavedReplyView } from "@/lib/features/reviews/types";

// Every export here is a public endpoint (decision 005): each one takes the viewer from the session and derives
// the cohort from the attempt, never from the input.

export async function claimReviewAction(input: unknown): Promise<ActionResult<{ claimedUntil: string; untilClock: string }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { submissionId, cohortId } = parseInput(claimInputSchema, input);
    return claimSubmission(await reviewScope(viewer, submissionId, cohortId), viewer);
  });
}

export async function releaseReviewAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { submissionId, cohortId } = parseInput(claimInputSchema, input);
    await releaseSubmission(await reviewScope(viewer, submissionId, cohortId), viewer);
    return undefined;
  });
}

export async function decideReviewAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    return decideReviewAs(viewer, parseInput(decisionInputSchema, input));
  });
}

export async function addMentorCommentAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { submissionId, cohortId, body } = parseInput(mentorCommentInputSchema, input);
    return addMentorComment(await reviewScope(viewer, submissionId, cohortId), viewer, body);
  });
}

/**
 * "Re-approve link" on a learner's replacement for a broken link: the attempt is derived from the link, and the
 * viewer must review that cohort (its mentor, or an admin), checked against the database like a decision.
 */
export async function reapproveLinkAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { linkId, replacementUrl } = parseInput(reapproveLinkSchema, input);
    const submissionId = await getLinkSubmissionId(linkId.toLowerCase());
    if (!submissionId) throw new AppError("NOT_FOUND", "This link does not exist.");
    const scope = await reviewScope(viewer, submissionId);
    await reapproveLink(scope, { ...(await actorOf(viewer)), name: viewer.name }, { linkId: linkId.toLowerCase(), replacementUrl });
    return undefined;
  });
}

/**
 * "Save as reply" on the review screen: for people who review (as the queue decides it, against the database),
 * acting on their own replies only — the owner is the session's person, never an id from the input.
 */
export async function createSavedReplyAction(input: unknown): Promise<ActionResult<SavedReplyView>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const parsed = parseInput(createSavedReplySchema, input);
    if (!canUseReviewQueue(viewer, (await listReviewCohorts(viewer)).length)) throw new AppError("NOT_FOUND", SAVED_REPLY_MESSAGES.notReviewer);
    return createSavedReply(viewer.id, parsed);
  });
}

/** Settings → Saved replies. Someone else's reply, or an unknown id, is "not found". */
export async function renameSavedReplyAction(input: unknown): Promise<ActionResult<SavedReplyView>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    return renameSavedReply(viewer.id, parseInput(renameSavedReplySchema, input));
  });
}

/** Settings → Saved replies: deleting works even after the person stopped reviewing; the reply is theirs. */
export async function deleteSavedReplyAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    await deleteSavedReply(viewer.id, parseInput(deleteSavedReplySchema, input).id);
    return undefined;
  });
}
