"use server";

// Every export here is a public endpoint (docs/decisions/005). Roadmap authoring and import are for admins only:
// each action re-reads the admin flag from the database (requireAdminForAction) before it validates, parses or
// touches anything, and anyone else is told the thing does not exist, exactly like a random id.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf, type Actor } from "@/lib/auth/actor";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { importRoadmapAs } from "@/lib/features/roadmaps/commands";
import { ITEM_CONFLICT_MESSAGE, ITEM_NOT_FOUND } from "@/lib/features/roadmaps/constants";
import { findRoadmapBySlug, getItemCompletions, getRoadmapDocument, parseRoadmapImport } from "@/lib/features/roadmaps/data";
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
} from "@/lib/features/roadmaps/mutations";
import {
  addMilestoneSchema,
  addPhaseSchema,
  addProjectSchema,
  archiveItemSchema,
  archiveRoadmapSchema,
  createRoadmapSchema,
  criteriaSchema,
  itemRefSchema,
  notesSchema,
  publishVersionSchema,
  reorderSchema,
  roadmapImportSchema,
  roadmapRefSchema,
  updateMilestoneSchema,
  updatePhaseSchema,
  updateProjectSchema,
  versionDetailsSchema,
  versionRefSchema,
  weeklyRuleSchema,
} from "@/lib/features/roadmaps/schema";
import type {
  EditorMilestone,
  EditorPhase,
  EditorProject,
  EditorVersionFields,
  PublishOutcome,
  RoadmapImportPreviewResult,
  RoadmapImportResult,
  SaveOutcome,
  SaveResult,
} from "@/lib/features/roadmaps/types";
import { compareRoadmapKeys, countRoadmapDocument, openDraftMessage } from "@/lib/features/roadmaps/utils";

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
    const { versionId, releaseNote } = parseInput(publishVersionSchema, input);
    return publishVersion(actor, versionId, releaseNote || null);
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
  return runAction(async () => addPhase(await adminActor(), parseInput(addPhaseSchema, input)));
}

export async function addMilestoneAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => addMilestone(await adminActor(), parseInput(addMilestoneSchema, input)));
}

export async function addProjectAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => addProject(await adminActor(), parseInput(addProjectSchema, input)));
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

/** "Archive …" asks first how many learners completed the item, so the confirmation can say so. Changes nothing. */
export async function countItemCompletionsAction(input: unknown): Promise<ActionResult<{ learners: number }>> {
  return runAction(async () => {
    await adminActor();
    const { kind, id } = parseInput(itemRefSchema, input);
    const learners = await getItemCompletions(kind, id);
    if (learners === null) throw new AppError("NOT_FOUND", ITEM_NOT_FOUND);
    return { learners };
  });
}

// ——— Import ———

/** Import screen → "Preview": parses and describes what an import would create. Writes nothing. */
export async function previewRoadmapImportAction(input: unknown): Promise<ActionResult<RoadmapImportPreviewResult>> {
  return runAction(async (): Promise<RoadmapImportPreviewResult> => {
    await adminActor();
    const { format, text } = parseInput(roadmapImportSchema, input);
    const parsed = parseRoadmapImport(format, text);
    if (!parsed.ok) return { status: "invalid", problems: parsed.problems };
    const { document } = parsed;

    const existing = await findRoadmapBySlug(document.slug);
    const latest = existing?.versions[0];
    const draft = existing?.versions.find((version) => version.status === "draft");
    const previous = latest ? await getRoadmapDocument(latest.id) : null;
    return {
      status: "ready",
      preview: {
        title: document.title,
        slug: document.slug,
        target: existing
          ? { kind: "next-version", roadmapId: existing.id, roadmapName: existing.name, number: (latest?.number ?? 0) + 1 }
          : { kind: "new" },
        blockedBy: draft ? openDraftMessage(draft.number) : null,
        counts: countRoadmapDocument(document),
        outline: document.phases.map((phase) => ({
          key: phase.key,
          title: phase.title,
          milestones: phase.milestones.map((milestone) => ({ key: milestone.key, title: milestone.title })),
        })),
        changes: previous && latest ? { comparedWith: latest.number, ...compareRoadmapKeys(previous, document) } : null,
      },
    };
  });
}

/** Import screen → "Import as draft" (the command re-parses the text; the preview is never trusted). */
export async function importRoadmapAction(input: unknown): Promise<ActionResult<RoadmapImportResult>> {
  return runAction(async (): Promise<RoadmapImportResult> => {
    const viewer = await requireAdminForAction();
    return importRoadmapAs(viewer, parseInput(roadmapImportSchema, input));
  });
}
