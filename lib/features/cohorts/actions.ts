"use server";

// Every export here is a public endpoint (docs/decisions/005). Each action resolves the viewer from
// the session, validates with a strict schema, and authorizes against the database: admin flag for
// creating cohorts, getCohortAccess for everything inside one — with the cohort derived from the
// membership itself when the input names one. Out of scope reads exactly like a random id.
import type { Day } from "@/lib/calendar";
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { getCohortAccess } from "@/lib/auth/access";
import { actorOf } from "@/lib/auth/actor";
import { requireAdminForAction, requireViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getCohortSettings, getMembershipScope, getVersionMovePreview } from "@/lib/features/cohorts/data";
import {
  addMemberByEmail,
  createCohort,
  moveCohortVersion,
  removeMember,
  restoreMember,
  updateCohortSettings,
  updateMemberSchedule,
} from "@/lib/features/cohorts/mutations";
import { canManageCohort, canRemoveMember } from "@/lib/features/cohorts/policy";
import {
  addMemberSchema,
  cohortSettingsSchema,
  createCohortSchema,
  memberScheduleSchema,
  membershipRefSchema,
  versionMoveSchema,
  versionPreviewSchema,
} from "@/lib/features/cohorts/schema";
import type { SettingsSaveResult, VersionMovePreview } from "@/lib/features/cohorts/types";

const COHORT_NOT_FOUND = "This cohort does not exist.";
const MEMBER_NOT_FOUND = "This member does not exist.";

async function managedCohort(viewer: Viewer, cohortId: string) {
  const access = await getCohortAccess(viewer, cohortId);
  if (!canManageCohort(access)) throw new AppError("NOT_FOUND", COHORT_NOT_FOUND);
  return access;
}

async function managedMembership(viewer: Viewer, membershipId: string) {
  const membership = await getMembershipScope(membershipId);
  const access = membership ? await getCohortAccess(viewer, membership.cohortId) : null;
  if (!membership || !canManageCohort(access)) throw new AppError("NOT_FOUND", MEMBER_NOT_FOUND);
  return { membership, access };
}

/** Admin → "New cohort". The admin flag is re-read from the database by requireAdminForAction, never taken from the JWT. */
export async function createCohortAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const values = parseInput(createCohortSchema, input);
    return createCohort(await actorOf(viewer), values);
  });
}

/** Cohort → "Save settings"; a stale lockVersion gets the current values back with the conflict. */
export async function updateCohortSettingsAction(input: unknown): Promise<SettingsSaveResult> {
  const result = await runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, lockVersion, ...values } = parseInput(cohortSettingsSchema, input);
    await managedCohort(viewer, cohortId);
    return updateCohortSettings(await actorOf(viewer), cohortId, lockVersion, values);
  });
  if (!result.ok) return result;
  if (result.data.status === "conflict") {
    return { ok: false, code: "CONFLICT", error: result.data.message, current: result.data.current };
  }
  return { ok: true, data: result.data.settings };
}

/** Members → "Add member": an existing account by email, as learner or mentor. */
export async function addCohortMemberAction(input: unknown): Promise<ActionResult<{ reactivated: boolean }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, email, role } = parseInput(addMemberSchema, input);
    const access = await managedCohort(viewer, cohortId);
    const { reactivated } = await addMemberByEmail(await actorOf(viewer), { id: access.cohortId, name: access.cohortName }, email, role);
    return { reactivated };
  });
}

export async function removeCohortMemberAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { membershipId } = parseInput(membershipRefSchema, input);
    const { membership, access } = await managedMembership(viewer, membershipId);
    if (!canRemoveMember(viewer, access, membership)) {
      throw new AppError("INVALID_STATE", "You can't remove yourself. Ask another mentor or an admin.");
    }
    await removeMember(await actorOf(viewer), membership);
    return undefined;
  });
}

/** Removed members → "Add back". */
export async function restoreCohortMemberAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { membershipId } = parseInput(membershipRefSchema, input);
    const { membership } = await managedMembership(viewer, membershipId);
    await restoreMember(await actorOf(viewer), membership);
    return undefined;
  });
}

/** A learner's own start date and deadline extension. */
export async function updateMemberScheduleAction(
  input: unknown,
): Promise<ActionResult<{ startDate: Day | null; extensionDays: number }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { membershipId, ...schedule } = parseInput(memberScheduleSchema, input);
    const { membership } = await managedMembership(viewer, membershipId);
    return updateMemberSchedule(await actorOf(viewer), membership, schedule);
  });
}

/** "Preview move": what carries over to the chosen version, by key. Changes nothing. */
export async function previewVersionMoveAction(input: unknown): Promise<ActionResult<VersionMovePreview>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, versionId } = parseInput(versionPreviewSchema, input);
    await managedCohort(viewer, cohortId);
    const current = await getCohortSettings(cohortId);
    if (!current) throw new AppError("NOT_FOUND", COHORT_NOT_FOUND);
    if (current.version.id === versionId) throw new AppError("INVALID_STATE", "The cohort already follows this version.");
    const preview = await getVersionMovePreview(cohortId, current.version.id, versionId);
    if (!preview || preview.to.status !== "published") {
      throw new AppError("INVALID_INPUT", "Some fields need attention.", { versionId: ["Pick a published roadmap version."] });
    }
    return preview;
  });
}

/** The confirm button under the preview. */
export async function moveCohortVersionAction(input: unknown): Promise<ActionResult<{ versionId: string; number: number }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, fromVersionId, versionId } = parseInput(versionMoveSchema, input);
    await managedCohort(viewer, cohortId);
    return moveCohortVersion(await actorOf(viewer), cohortId, fromVersionId, versionId);
  });
}
