"use server";

import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getReviewScope } from "@/lib/features/reviews/data";
import { addMentorComment, claimSubmission, recordDecision, releaseSubmission } from "@/lib/features/reviews/mutations";
import { claimInputSchema, decisionInputSchema, mentorCommentInputSchema } from "@/lib/features/reviews/schema";
import type { DecisionResult } from "@/lib/features/reviews/types";

// Every export here is a public endpoint (decision 005): each one takes the viewer from the session and derives
// the cohort from the attempt, never from the input.

/** The attempt as the viewer may review it; anything out of scope reads exactly like an unknown id. */
async function reviewScope(viewer: Viewer, submissionId: string, cohortHint?: string) {
  const scope = await getReviewScope(viewer, submissionId, cohortHint);
  if (!scope) throw new AppError("NOT_FOUND", "This attempt does not exist.");
  return scope;
}

export async function claimReviewAction(input: unknown): Promise<ActionResult<{ claimedUntil: string }>> {
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
    const { submissionId, cohortId, decision, comment } = parseInput(decisionInputSchema, input);
    return recordDecision(await reviewScope(viewer, submissionId, cohortId), await actorOf(viewer), { decision, comment });
  });
}

export async function addMentorCommentAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { submissionId, cohortId, body } = parseInput(mentorCommentInputSchema, input);
    return addMentorComment(await reviewScope(viewer, submissionId, cohortId), viewer, body);
  });
}
