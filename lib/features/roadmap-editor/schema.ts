import { z } from "zod";
import { lockVersionSchema } from "@/lib/lock-version";
import { ROADMAP_LIMITS, roadmapDocumentFieldsSchema } from "@/lib/features/roadmaps/json";

// The editor saves one item at a time with the very field rules of the import formats, so anything the editor
// accepts exports and imports again; the rules that compare items (keys, project links) are checked on save.
const document = roadmapDocumentFieldsSchema.shape;
const phaseFields = document.phases.element.omit({ milestones: true });
const milestoneFields = document.phases.element.shape.milestones.element;
const projectFields = document.projects.element;

const id = z.uuid({ error: "This item does not exist." });
const lockVersion = lockVersionSchema;

export const ITEM_KINDS = ["phase", "milestone", "project"] as const;

export const createRoadmapSchema = z.strictObject({
  name: document.title,
  /** Empty: derived from the name. */
  slug: z.union([z.literal(""), document.slug]),
});

export const roadmapRefSchema = z.strictObject({ roadmapId: id });
export const archiveRoadmapSchema = z.strictObject({ roadmapId: id, archived: z.boolean() });
export const versionRefSchema = z.strictObject({ versionId: id });

export const versionDetailsSchema = z.strictObject({
  versionId: id,
  lockVersion,
  title: document.title,
  summary: document.summary,
});

export const weeklyRuleSchema = z.strictObject({ versionId: id, lockVersion, items: document.weeklyRule });

export const criteriaSchema = z.strictObject({
  versionId: id,
  lockVersion,
  items: z
    .array(z.strictObject({ key: document.criteria.element.shape.key.nullable(), text: document.criteria.element.shape.text }))
    .max(ROADMAP_LIMITS.criteria, { error: `A roadmap can have at most ${ROADMAP_LIMITS.criteria} success criteria.` }),
});

export const notesSchema = z.strictObject({ versionId: id, lockVersion, items: document.notes });

export const addPhaseSchema = z.strictObject({ versionId: id, title: phaseFields.shape.title });
export const addMilestoneSchema = z.strictObject({ phaseId: id, title: milestoneFields.shape.title });
export const addProjectSchema = z.strictObject({ versionId: id, title: projectFields.shape.title });

export const updatePhaseSchema = phaseFields.extend({ phaseId: id, lockVersion });
export const updateMilestoneSchema = milestoneFields.extend({ milestoneId: id, lockVersion, phaseId: id });
export const updateProjectSchema = projectFields.extend({ projectId: id, lockVersion });

export const reorderSchema = z.strictObject({
  versionId: id,
  list: z.enum(["phases", "milestones", "projects"]),
  /** The phase whose milestones are reordered. */
  phaseId: id.optional(),
  ids: z.array(id).min(1).max(400),
});

export const archiveItemSchema = z.strictObject({ kind: z.enum(ITEM_KINDS), id, archived: z.boolean() });

export type UpdatePhaseInput = z.infer<typeof updatePhaseSchema>;
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
export type ReorderInput = z.infer<typeof reorderSchema>;
