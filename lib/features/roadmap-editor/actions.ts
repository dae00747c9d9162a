"use server";

// Every export here is a public endpoint (docs/decisions/005). Roadmap authoring is for admins only: each action
// re-reads the admin flag from the database (requireAdminForAction) before it validates or touches anything, and anyone
// else is told the thing does not exist, exactly like a random id.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf, type Actor } from "@/lib/auth/actor";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { ITEM_CONFLICT_MESSAGE } from "@/lib/features/roadmap-editor/constants";
import {
  addMilestone,
  addPhase,
  addProject,
  createDraft,
  createRoadmap,
  discardDraft,
  publishVersion,
  reorderItems,
  setItemArchived,
  setRoadmapArchived,
  updateCriteria,
  updateMilestone,
  updateNotes,
  updatePhase,
  updateProject,
  updateVersionDetails,
  updateWeeklyRule,
} from "@/lib/features/roadmap-editor/mutations";
import {
  addMilestoneSchema,
  addPhaseSchema,
  addProjectSchema,
  archiveItemSchema,
  archiveRoadmapSchema,
  createRoadmapSchema,
  criteriaSchema,
  notesSchema,
  reorderSchema,
  roadmapRefSchema,
  updateMilestoneSchema,
  updatePhaseSchema,
  updateProjectSchema,
  versionDetailsSchema,
  versionRefSchema,
  weeklyRuleSchema,
} from "@/lib/features/roadmap-editor/schema";
import type {
  EditorMilestone,
  EditorPhase,
  EditorProject,
  EditorVersionFields,
  PublishOutcome,
  SaveOutcome,
  SaveResult,
} from "@/lib/features/roadmap-editor/types";

async function adminActor(): Promise<Actor> {
  return actorOf(await requireAdminForAction());
}

async function save<T>(work: () => Promise<SaveOutcome<T>>): Promise<SaveResult<T>> {
  const result = await runAction(work);
  if (!result.ok) return result;
  if (result.data.status === "conflict") return { ok: false, code: "CONFLICT", error: ITEM_CONFLICT_MESSAGE, current: result.data.current };
  return { ok: true, data: result.data.value };
}

/** Admin → Roadmaps → "New roadmap". */
export async function createRoadmapAction(input: unknown): Promise<ActionResult<{ roadmapId: string; number: number }>> {
  return runAction(async () => {
    const actor = await adminActor();
    const { roadmapId, number } = await createRoadmap(actor, parseInput(createRoadmapSchema, input));
    return { roadmapId, number };
  });
}

/** Roadmap → "New draft" from the latest version. */
export async function createDraftAction(input: unknown): Promise<ActionResult<{ number: number }>> {
  return runAction(async () => {
    const actor = await adminActor();
    const { roadmapId } = parseInput(roadmapRefSchema, input);
    const { number } = await createDraft(actor, roadmapId);
    return { number };
  });
}

export async function discardDraftAction(input: unknown): Promise<ActionResult<{ roadmapId: string }>> {
  return runAction(async () => {
    const actor = await adminActor();
    return discardDraft(actor, parseInput(versionRefSchema, input).versionId);
  });
}

export async function publishVersionAction(input: unknown): Promise<ActionResult<PublishOutcome>> {
  return runAction(async () => {
    const actor = await adminActor();
    return publishVersion(actor, parseInput(versionRefSchema, input).versionId);
  });
}

export async function setRoadmapArchivedAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await adminActor();
    const { roadmapId, archived } = parseInput(archiveRoadmapSchema, input);
    await setRoadmapArchived(actor, roadmapId, archived);
    return undefined;
  });
}

export async function updateVersionDetailsAction(input: unknown): Promise<SaveResult<EditorVersionFields>> {
  return save(async () => updateVersionDetails(await adminActor(), parseInput(versionDetailsSchema, input)));
}

export async function updateWeeklyRuleAction(input: unknown): Promise<SaveResult<EditorVersionFields>> {
  return save(async () => updateWeeklyRule(await adminActor(), parseInput(weeklyRuleSchema, input)));
}

export async function updateCriteriaAction(input: unknown): Promise<SaveResult<EditorVersionFields>> {
  return save(async () => updateCriteria(await adminActor(), parseInput(criteriaSchema, input)));
}

export async function updateNotesAction(input: unknown): Promise<SaveResult<EditorVersionFields>> {
  return save(async () => updateNotes(await adminActor(), parseInput(notesSchema, input)));
}

export async function addPhaseAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const actor = await adminActor();
    const { versionId, title } = parseInput(addPhaseSchema, input);
    return addPhase(actor, versionId, title);
  });
}

export async function addMilestoneAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const actor = await adminActor();
    const { phaseId, title } = parseInput(addMilestoneSchema, input);
    return addMilestone(actor, phaseId, title);
  });
}

export async function addProjectAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const actor = await adminActor();
    const { versionId, title } = parseInput(addProjectSchema, input);
    return addProject(actor, versionId, title);
  });
}

export async function updatePhaseAction(input: unknown): Promise<SaveResult<EditorPhase>> {
  return save(async () => updatePhase(await adminActor(), parseInput(updatePhaseSchema, input)));
}

export async function updateMilestoneAction(input: unknown): Promise<SaveResult<EditorMilestone>> {
  return save(async () => updateMilestone(await adminActor(), parseInput(updateMilestoneSchema, input)));
}

export async function updateProjectAction(input: unknown): Promise<SaveResult<EditorProject>> {
  return save(async () => updateProject(await adminActor(), parseInput(updateProjectSchema, input)));
}

export async function reorderItemsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await adminActor();
    await reorderItems(actor, parseInput(reorderSchema, input));
    return undefined;
  });
}

export async function setItemArchivedAction(input: unknown): Promise<ActionResult<{ unlinkedFrom: string[] }>> {
  return runAction(async () => {
    const actor = await adminActor();
    const { kind, id, archived } = parseInput(archiveItemSchema, input);
    return setItemArchived(actor, kind, id, archived);
  });
}
