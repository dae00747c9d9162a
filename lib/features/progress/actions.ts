"use server";

import { refresh } from "next/cache";
import { runAction, parseInput, type ActionResult } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/viewer";
import { myMembership, submitEvidenceAs, tickMilestoneAs } from "@/lib/features/progress/commands";
import {
  addLearnerComment,
  addPrivateNote,
  deletePrivateNote,
  dismissVersionBanner,
  replaceEvidenceLink,
  saveSelfAssessment,
  updatePrivateNote,
  withdrawSubmission,
  type SubmittedAttempt,
} from "@/lib/features/progress/mutations";
import {
  commentInputSchema,
  dismissVersionBannerSchema,
  noteDeleteInputSchema,
  noteInputSchema,
  noteUpdateInputSchema,
  replaceLinkInputSchema,
  selfAssessmentInputSchema,
  submissionActionInputSchema,
  tickInputSchema,
  withdrawInputSchema,
} from "@/lib/features/progress/schema";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

export async function tickMilestoneAction(input: unknown): Promise<ActionResult<{ status: ProgressStatus }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    return tickMilestoneAs(viewer, parseInput(tickInputSchema, input));
  });
}

export async function submitEvidenceAction(input: unknown): Promise<ActionResult<SubmittedAttempt>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    return submitEvidenceAs(viewer, { ...parseInput(submissionActionInputSchema, input), source: "web" });
  });
}

/**
 * The roadmap's "Dismiss" on "Your roadmap was updated to …". The banner posts it as a plain form from a server
 * component, so the page ships no JavaScript for it: a post from that form (FormData) answers nothing and refreshes
 * the page it came from; any other caller gets the usual result.
 */
export async function dismissVersionBannerAction(input: FormData): Promise<void>;
export async function dismissVersionBannerAction(input: unknown): Promise<ActionResult>;
export async function dismissVersionBannerAction(input: unknown): Promise<ActionResult | void> {
  const fromForm = input instanceof FormData;
  const result = await runAction(async () => {
    const viewer = await requireViewer();
    const { membershipId } = parseInput(dismissVersionBannerSchema, fromForm ? { membershipId: input.get("membershipId") } : input);
    await dismissVersionBanner(viewer.id, membershipId);
    return undefined;
  });
  if (!fromForm) return result;
  if (result.ok) refresh();
}

export async function withdrawSubmissionAction(input: unknown): Promise<ActionResult<{ status: ProgressStatus }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, submissionId } = parseInput(withdrawInputSchema, input);
    return withdrawSubmission(await myMembership(viewer, cohortId), submissionId);
  });
}

export async function addCommentAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, itemKey, body } = parseInput(commentInputSchema, input);
    return addLearnerComment(await myMembership(viewer, cohortId), itemKey, body);
  });
}

export async function addPrivateNoteAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, itemKey, body } = parseInput(noteInputSchema, input);
    return addPrivateNote(await myMembership(viewer, cohortId), itemKey, body);
  });
}

export async function updatePrivateNoteAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, noteId, body } = parseInput(noteUpdateInputSchema, input);
    await updatePrivateNote(await myMembership(viewer, cohortId), noteId, body);
    return undefined;
  });
}

export async function deletePrivateNoteAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, noteId } = parseInput(noteDeleteInputSchema, input);
    await deletePrivateNote(await myMembership(viewer, cohortId), noteId);
    return undefined;
  });
}

export async function saveSelfAssessmentAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, ...assessment } = parseInput(selfAssessmentInputSchema, input);
    await saveSelfAssessment(await myMembership(viewer, cohortId), assessment);
    return undefined;
  });
}

/** "Replace link" under an approved attempt's broken link: only the learner's own, in a cohort they learn in. */
export async function replaceEvidenceLinkAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, linkId, url } = parseInput(replaceLinkInputSchema, input);
    await replaceEvidenceLink(await myMembership(viewer, cohortId), linkId.toLowerCase(), url);
    return undefined;
  });
}
