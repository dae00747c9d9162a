"use server";

// Every action resolves the viewer from the session, validates with schema.ts, and derives scope
// from the database: the learner's own membership for week writes, check-in → membership → cohort
// for writes by id. Out of scope reads exactly like a random id (NOT_FOUND).
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { getLearnerMembership } from "@/lib/auth/access";
import { getCheckinScope, listMilestoneKeys } from "@/lib/features/checkins/data";
import {
  addCheckinComment,
  closeOutCheckin,
  reopenCheckin,
  saveCheckinPlan,
} from "@/lib/features/checkins/mutations";
import { canChangeCheckin, canCommentOnCheckin, canEditCheckinWeek, type CheckinScope } from "@/lib/features/checkins/policy";
import {
  checkinCloseOutSchema,
  checkinCommentSchema,
  checkinPlanSchema,
  reopenCheckinSchema,
  WEEK_LOCKED_MESSAGE,
  type CheckinCloseOutInput,
  type CheckinCommentInput,
  type CheckinPlanInput,
  type ReopenCheckinInput,
} from "@/lib/features/checkins/schema";
import type { CheckinCommentView, SavedCheckin } from "@/lib/features/checkins/types";
import { type Day } from "@/lib/calendar";
import { weekOf } from "@/lib/calendar-zones";

const COHORT_NOT_FOUND = "This cohort does not exist.";
const CHECKIN_NOT_FOUND = "This check-in does not exist.";

async function ownLearnerMembership(viewer: Viewer, cohortId: string) {
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (!membership) throw new AppError("NOT_FOUND", COHORT_NOT_FOUND);
  return membership;
}

/** The check-in if `may` lets the viewer act on it; otherwise the same 404 as for one that does not exist. */
async function checkinFor(viewer: Viewer, checkinId: string, may: (viewer: Viewer, scope: CheckinScope) => boolean) {
  const found = await getCheckinScope(checkinId, viewer.id);
  if (!found || !may(viewer, found.scope)) throw new AppError("NOT_FOUND", CHECKIN_NOT_FOUND);
  return found;
}

function assertEditableWeek(weekStart: Day, timeZone: string) {
  if (!canEditCheckinWeek(weekStart, weekOf(new Date(), timeZone))) {
    throw new AppError("INVALID_STATE", WEEK_LOCKED_MESSAGE);
  }
}

export async function saveCheckinPlanAction(input: CheckinPlanInput): Promise<ActionResult<SavedCheckin>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const plan = parseInput(checkinPlanSchema, input);
    const membership = await ownLearnerMembership(viewer, plan.cohortId);
    assertEditableWeek(plan.weekStart, membership.timezone);
    const known = await listMilestoneKeys(membership.versionId, plan.plannedKeys);
    if (plan.plannedKeys.some((key) => !known.has(key))) {
      throw new AppError("INVALID_INPUT", "Some fields need attention.", {
        plannedKeys: ["Pick milestones from your roadmap."],
      });
    }
    return saveCheckinPlan({ membershipId: membership.membershipId, weekStart: plan.weekStart }, plan.lockVersion, {
      plannedKeys: plan.plannedKeys,
      plannedHours: plan.plannedHours,
    });
  });
}

export async function closeOutCheckinAction(input: CheckinCloseOutInput): Promise<ActionResult<SavedCheckin>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, weekStart, lockVersion, ...closeOut } = parseInput(checkinCloseOutSchema, input);
    const membership = await ownLearnerMembership(viewer, cohortId);
    assertEditableWeek(weekStart, membership.timezone);
    return closeOutCheckin({ membershipId: membership.membershipId, weekStart }, lockVersion, closeOut);
  });
}

export async function reopenCheckinAction(input: ReopenCheckinInput): Promise<ActionResult<SavedCheckin>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { checkinId, lockVersion } = parseInput(reopenCheckinSchema, input);
    const found = await checkinFor(viewer, checkinId, canChangeCheckin);
    assertEditableWeek(found.weekStart, found.timezone);
    return reopenCheckin(found.checkinId, lockVersion);
  });
}

/** A mentor of the check-in's cohort comments; the check-in's learner replies. */
export async function addCheckinCommentAction(input: CheckinCommentInput): Promise<ActionResult<CheckinCommentView>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { checkinId, body } = parseInput(checkinCommentSchema, input);
    const found = await checkinFor(viewer, checkinId, canCommentOnCheckin);
    return addCheckinComment({ checkinId: found.checkinId, authorId: viewer.id, learnerUserId: found.scope.learnerUserId, body });
  });
}
