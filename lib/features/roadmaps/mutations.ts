import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import { emitWebhookEvent, siteLink } from "@/lib/features/webhooks/mutations";
import { notifyMany } from "@/lib/features/notifications/mutations";
import {
  ITEM_NOT_FOUND,
  KEY_LOCKED_MESSAGE,
  MILESTONE_CONTENT_SELECT,
  OUTLINE_CONFLICT_MESSAGE,
  PROJECT_CONTENT_SELECT,
  ROADMAP_NOT_FOUND,
} from "@/lib/features/roadmaps/constants";
import {
  getKeysWithProgress,
  getMilestoneForEditor,
  getPhaseForEditor,
  getPreviousVersion,
  getProjectForEditor,
  getRoadmapDocument,
  getVersionFields,
} from "@/lib/features/roadmaps/data";
import { canEditVersion } from "@/lib/features/roadmaps/policy";
import { validateRoadmapDocument, type ReorderInput, type UpdateMilestoneInput, type UpdatePhaseInput, type UpdateProjectInput } from "@/lib/features/roadmaps/schema";
import type {
  EditorCriterion,
  EditorMilestone,
  EditorPhase,
  EditorProject,
  EditorVersionFields,
  PublishOutcome,
  RoadmapDocument,
  RoadmapNote,
  SaveOutcome,
} from "@/lib/features/roadmaps/types";
import { diffDocuments, openDraftMessage, slugify, uniqueKey } from "@/lib/features/roadmaps/utils";

function fieldError(field: string, message: string): never {
  throw new AppError("INVALID_INPUT", "Some fields need attention.", { [field]: [message] });
}

/**
 * The one lock on a roadmap's slug, held until the transaction ends: creating a roadmap, opening a draft and
 * importing a version take it, so two of them never both see "no such roadmap" or "no open draft" (decision 008).
 */
function lockRoadmapSlug(tx: Tx, slug: string) {
  return tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roadmap:${slug}`}))`;
}

type LockedVersion = { roadmapId: string; number: number; status: VersionStatus };

/**
 * Every change to a version's content takes this row lock first: edits of one draft run one after another,
 * and none can land after (or while) the draft is published.
 */
async function lockVersion(tx: Tx, versionId: string): Promise<LockedVersion> {
  const [row] = await tx.$queryRaw<{ roadmap_id: string; number: number; status: VersionStatus }[]>`
    SELECT roadmap_id, number, status::text AS status FROM roadmap_versions WHERE id = ${versionId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", ROADMAP_NOT_FOUND);
  return { roadmapId: row.roadmap_id, number: row.number, status: row.status };
}

async function lockDraft(tx: Tx, versionId: string): Promise<LockedVersion> {
  const version = await lockVersion(tx, versionId);
  if (!canEditVersion(version)) {
    throw new AppError(
      "INVALID_STATE",
      `Version ${version.number} is published and read-only. Start a new draft to change the roadmap.`,
    );
  }
  return version;
}

/** Only the fields whose values differ, as `before` / `after` objects for the audit row. */
function changes<T extends object>(before: T, after: Partial<T>) {
  const fields = (Object.keys(after) as (keyof T)[]).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  return {
    before: Object.fromEntries(fields.map((field) => [field, before[field]])),
    after: Object.fromEntries(fields.map((field) => [field, after[field]])),
  };
}

// ——— Roadmaps and versions ———

/** Admin → "New roadmap": the roadmap and its empty draft, version 1. */
export async function createRoadmap(actor: Actor, values: { name: string; slug: string }) {
  const slug = values.slug || slugify(values.name) || "roadmap";
  return db.$transaction(async (tx) => {
    await lockRoadmapSlug(tx, slug);
    const taken = await tx.roadmap.findUnique({ where: { slug }, select: { id: true } });
    if (taken) fieldError("slug", `Another roadmap already uses the slug "${slug}". Pick another one.`);
    const roadmap = await tx.roadmap.create({ data: { slug, name: values.name }, select: { id: true } });
    const version = await tx.roadmapVersion.create({
      data: { roadmapId: roadmap.id, number: 1, status: "draft", title: values.name },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: "roadmap.create", targetType: "roadmap", targetId: roadmap.id, after: { slug, name: values.name } });
    return { roadmapId: roadmap.id, versionId: version.id, number: 1 };
  });
}

/** "New draft": the next version number, starting from a copy of the latest version (archived items included). */
export async function createDraft(actor: Actor, roadmapId: string) {
  return db.$transaction(async (tx) => {
    const roadmap = await tx.roadmap.findUnique({ where: { id: roadmapId }, select: { slug: true } });
    if (!roadmap) throw new AppError("NOT_FOUND", ROADMAP_NOT_FOUND);
    await lockRoadmapSlug(tx, roadmap.slug);
    const versions = await tx.roadmapVersion.findMany({
      where: { roadmapId },
      orderBy: { number: "desc" },
      select: { id: true, number: true, status: true, title: true, summary: true },
    });
    const open = versions.find((version) => version.status === "draft");
    if (open) throw new AppError("INVALID_STATE", `Version ${open.number} is already the draft of this roadmap. Edit or publish it first.`);
    const latest = versions[0];
    const number = (latest?.number ?? 0) + 1;
    const draft = await tx.roadmapVersion.create({
      data: { roadmapId, number, status: "draft", title: latest?.title ?? roadmap.slug, summary: latest?.summary ?? "" },
      select: { id: true },
    });
    if (latest) await copyVersionContent(tx, latest.id, draft.id);
    await writeAudit(tx, {
      actor,
      action: "roadmap.draft_create",
      targetType: "roadmap_version",
      targetId: draft.id,
      after: { number, from: latest?.number ?? null },
    });
    return { versionId: draft.id, number };
  });
}

async function copyVersionContent(tx: Tx, fromId: string, toId: string) {
  const copied = { versionId: toId };
  const [phases, milestones, projects, rule, criteria, notes] = await Promise.all([
    tx.phase.findMany({ where: { versionId: fromId }, select: { id: true, key: true, position: true, title: true, description: true, archivedAt: true } }),
    tx.milestone.findMany({ where: { versionId: fromId }, select: { ...MILESTONE_CONTENT_SELECT, phaseId: true, position: true, archivedAt: true } }),
    tx.portfolioProject.findMany({ where: { versionId: fromId }, select: { ...PROJECT_CONTENT_SELECT, position: true, archivedAt: true } }),
    tx.weeklyRuleItem.findMany({ where: { versionId: fromId }, select: { position: true, text: true } }),
    tx.successCriterion.findMany({ where: { versionId: fromId }, select: { key: true, position: true, text: true } }),
    tx.roadmapNote.findMany({ where: { versionId: fromId }, select: { position: true, title: true, body: true } }),
  ]);
  const newPhases = await tx.phase.createManyAndReturn({
    data: phases.map(({ id: _id, ...phase }) => ({ ...phase, ...copied })),
    select: { id: true, key: true },
  });
  const newPhaseId = new Map(phases.map((phase) => [phase.id, newPhases.find((made) => made.key === phase.key)!.id]));
  await tx.milestone.createMany({
    data: milestones.map((milestone) => ({ ...milestone, resources: milestone.resources ?? [], phaseId: newPhaseId.get(milestone.phaseId)!, ...copied })),
  });
  await tx.portfolioProject.createMany({ data: projects.map((project) => ({ ...project, ...copied })) });
  await tx.weeklyRuleItem.createMany({ data: rule.map((item) => ({ ...item, ...copied })) });
  await tx.successCriterion.createMany({ data: criteria.map((item) => ({ ...item, ...copied })) });
  await tx.roadmapNote.createMany({ data: notes.map((note) => ({ ...note, ...copied })) });
}

/**
 * "Publish": the draft becomes the next published version if the whole roadmap is valid. Cohorts stay on the
 * version they follow until a mentor or admin moves them; the change summary is computed, never typed.
 */
export async function publishVersion(actor: Actor, versionId: string, releaseNote: string | null = null): Promise<PublishOutcome> {
  return db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    if (version.status !== "draft") throw new AppError("INVALID_STATE", `Version ${version.number} is already published.`);
    // Every edit of the draft holds the lock taken above, so this read sees the final content.
    const document = await getRoadmapDocument(versionId, tx);
    const validation = validateRoadmapDocument(document);
    if (!validation.ok) return { status: "invalid", issues: validation.issues.map((issue) => ({ message: issue.message })) };
    const previous = await getPreviousVersion(version.roadmapId, version.number, tx);
    const changeSummary = diffDocuments(previous ? await getRoadmapDocument(previous.id, tx) : null, document);
    await tx.roadmapVersion.update({
      where: { id: versionId },
      data: { status: "published", publishedAt: new Date(), publishedById: actor.id, changeSummary, releaseNote },
    });
    await tx.roadmap.update({ where: { id: version.roadmapId }, data: { name: document.title } });
    // Cohorts stay on their version; their mentors learn that a newer one exists and where to move to it.
    const mentors = await tx.membership.findMany({
      where: {
        role: "mentor",
        removedAt: null,
        user: { deactivatedAt: null },
        cohort: { archivedAt: null, roadmapVersion: { roadmapId: version.roadmapId, number: { lt: version.number } } },
      },
      select: { userId: true, cohort: { select: { id: true, name: true } } },
    });
    await notifyMany(
      tx,
      mentors.map(({ userId, cohort }) => ({
        userId,
        type: "roadmap_version" as const,
        title: `${document.title} version ${version.number} is published. ${cohort.name} stays on its version until you move it.`,
        href: `/cohorts/${cohort.id}/settings`,
      })),
    );
    await writeAudit(tx, {
      actor,
      action: "roadmap.publish",
      targetType: "roadmap_version",
      targetId: versionId,
      before: { status: "draft" },
      after: { status: "published", number: version.number, ...changeSummary, ...(releaseNote ? { releaseNote } : {}) },
    });
    await emitWebhookEvent(tx, "roadmap.version_published", {
      roadmap: { id: version.roadmapId, name: document.title },
      version: { id: versionId, number: version.number, releaseNote, changeSummary },
      url: siteLink(`/admin/roadmaps/${version.roadmapId}/versions/${version.number}`),
    });
    return { status: "published", number: version.number, changeSummary };
  });
}

/**
 * "Discard draft". Drafts hold no progress (cohorts follow published versions; progress hangs on keys, not
 * rows), so this is the one delete in the editor.
 */
export async function discardDraft(actor: Actor, versionId: string) {
  return db.$transaction(async (tx) => {
    const version = await lockDraft(tx, versionId);
    if ((await tx.cohort.count({ where: { versionId } })) > 0) {
      throw new AppError("INVALID_STATE", "A cohort follows this version, so it cannot be discarded.");
    }
    await tx.roadmapVersion.delete({ where: { id: versionId } });
    await writeAudit(tx, { actor, action: "roadmap.draft_discard", targetType: "roadmap_version", targetId: versionId, before: { number: version.number } });
    return { roadmapId: version.roadmapId };
  });
}

/** Archiving hides a roadmap from new cohorts; cohorts that follow it keep working. Nothing is deleted. */
export async function setRoadmapArchived(actor: Actor, roadmapId: string, archived: boolean) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.roadmap.updateMany({
      where: { id: roadmapId, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (count === 0) {
      const exists = await tx.roadmap.count({ where: { id: roadmapId } });
      if (!exists) throw new AppError("NOT_FOUND", ROADMAP_NOT_FOUND);
      throw new AppError("INVALID_STATE", archived ? "This roadmap is already archived." : "This roadmap is not archived.");
    }
    await writeAudit(tx, {
      actor,
      action: archived ? "roadmap.archive" : "roadmap.restore",
      targetType: "roadmap",
      targetId: roadmapId,
      before: { archived: !archived },
      after: { archived },
    });
  });
}

// ——— The version's own fields and lists ———

/** What a save hands back: the row as it now stands, saved or, when someone else saved first, theirs. */
function saveOutcome<T>(saved: boolean, current: T | null, notFound: string): SaveOutcome<T> {
  if (!current) throw new AppError("NOT_FOUND", notFound);
  return saved ? { status: "saved", value: current } : { status: "conflict", current };
}

/**
 * Saves the version's title/goal or one of its lists if nobody saved since the form loaded
 * (RoadmapVersion.lockVersion); otherwise nothing is written and the current values come back.
 */
async function saveVersionFields(
  actor: Actor,
  versionId: string,
  lockVersion: number,
  action: string,
  write: (tx: Tx, before: EditorVersionFields) => Promise<Partial<EditorVersionFields>>,
): Promise<SaveOutcome<EditorVersionFields>> {
  const saved = await db.$transaction(async (tx) => {
    await lockDraft(tx, versionId);
    const before = await getVersionFields(versionId, tx);
    if (!before) throw new AppError("NOT_FOUND", ROADMAP_NOT_FOUND);
    if (before.lockVersion !== lockVersion) return false;
    await tx.roadmapVersion.update({ where: { id: versionId }, data: { lockVersion: { increment: 1 } } });
    const after = await write(tx, before);
    await writeAudit(tx, { actor, action, targetType: "roadmap_version", targetId: versionId, ...changes(before, after) });
    return true;
  });
  return saveOutcome(saved, await getVersionFields(versionId), ROADMAP_NOT_FOUND);
}

export function updateVersionDetails(actor: Actor, input: { versionId: string; lockVersion: number; title: string; summary: string }) {
  return saveVersionFields(actor, input.versionId, input.lockVersion, "roadmap.version_update", async (tx) => {
    await tx.roadmapVersion.update({ where: { id: input.versionId }, data: { title: input.title, summary: input.summary } });
    return { title: input.title, summary: input.summary };
  });
}

export function updateWeeklyRule(actor: Actor, input: { versionId: string; lockVersion: number; items: string[] }) {
  return saveVersionFields(actor, input.versionId, input.lockVersion, "roadmap.version_update", async (tx) => {
    await tx.weeklyRuleItem.deleteMany({ where: { versionId: input.versionId } });
    await tx.weeklyRuleItem.createMany({ data: input.items.map((text, position) => ({ versionId: input.versionId, position, text })) });
    return { weeklyRule: input.items };
  });
}

/** Criteria keep their keys (self-assessments attach to them); new ones get a key from their text. */
export function updateCriteria(actor: Actor, input: { versionId: string; lockVersion: number; items: { key: string | null; text: string }[] }) {
  return saveVersionFields(actor, input.versionId, input.lockVersion, "roadmap.version_update", async (tx, before) => {
    const known = new Set(before.criteria.map((criterion) => criterion.key));
    const taken = new Set<string>();
    const keptKeys = input.items.map((item) => {
      if (!item.key || !known.has(item.key) || taken.has(item.key)) return null;
      taken.add(item.key);
      return item.key;
    });
    const criteria: EditorCriterion[] = input.items.map((item, index) => {
      const key = keptKeys[index] ?? uniqueKey(item.text, taken, "criterion");
      taken.add(key);
      return { key, text: item.text };
    });
    await tx.successCriterion.deleteMany({ where: { versionId: input.versionId } });
    await tx.successCriterion.createMany({ data: criteria.map((criterion, position) => ({ versionId: input.versionId, position, ...criterion })) });
    return { criteria };
  });
}

export function updateNotes(actor: Actor, input: { versionId: string; lockVersion: number; items: RoadmapNote[] }) {
  return saveVersionFields(actor, input.versionId, input.lockVersion, "roadmap.version_update", async (tx) => {
    await tx.roadmapNote.deleteMany({ where: { versionId: input.versionId } });
    await tx.roadmapNote.createMany({ data: input.items.map((note, position) => ({ versionId: input.versionId, position, ...note })) });
    return { notes: input.items };
  });
}

// ——— Phases, milestones, projects ———

async function itemKeysOf(tx: Tx, versionId: string) {
  const [milestones, projects] = await Promise.all([
    tx.milestone.findMany({ where: { versionId }, select: { id: true, key: true, archivedAt: true } }),
    tx.portfolioProject.findMany({ where: { versionId }, select: { id: true, key: true } }),
  ]);
  return { milestones, projects, all: new Set([...milestones, ...projects].map((item) => item.key)) };
}

async function nextPosition(tx: Tx, list: "phases" | "projects", versionId: string) {
  const where = { versionId };
  const result = list === "phases" ? await tx.phase.aggregate({ where, _max: { position: true } }) : await tx.portfolioProject.aggregate({ where, _max: { position: true } });
  return (result._max.position ?? -1) + 1;
}

async function nextMilestonePosition(tx: Tx, phaseId: string) {
  const result = await tx.milestone.aggregate({ where: { phaseId }, _max: { position: true } });
  return (result._max.position ?? -1) + 1;
}

export async function addPhase(actor: Actor, { versionId, title }: { versionId: string; title: string }) {
  return db.$transaction(async (tx) => {
    await lockDraft(tx, versionId);
    const phases = await tx.phase.findMany({ where: { versionId }, select: { key: true } });
    const key = uniqueKey(title, new Set(phases.map((phase) => phase.key)), "phase");
    const phase = await tx.phase.create({
      data: { versionId, key, title, position: await nextPosition(tx, "phases", versionId) },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: "roadmap.item_create", targetType: "phase", targetId: phase.id, after: { versionId, key, title } });
    return { id: phase.id };
  });
}

export async function addMilestone(actor: Actor, { phaseId, title }: { phaseId: string; title: string }) {
  return db.$transaction(async (tx) => {
    const phase = await tx.phase.findUnique({ where: { id: phaseId }, select: { versionId: true } });
    if (!phase) throw new AppError("NOT_FOUND", ITEM_NOT_FOUND);
    await lockDraft(tx, phase.versionId);
    const key = uniqueKey(title, (await itemKeysOf(tx, phase.versionId)).all, "milestone");
    const milestone = await tx.milestone.create({
      data: { versionId: phase.versionId, phaseId, key, title, position: await nextMilestonePosition(tx, phaseId) },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: "roadmap.item_create", targetType: "milestone", targetId: milestone.id, after: { key, title } });
    return { id: milestone.id };
  });
}

export async function addProject(actor: Actor, { versionId, title }: { versionId: string; title: string }) {
  return db.$transaction(async (tx) => {
    await lockDraft(tx, versionId);
    const key = uniqueKey(title, (await itemKeysOf(tx, versionId)).all, "project");
    const project = await tx.portfolioProject.create({
      data: { versionId, key, title, position: await nextPosition(tx, "projects", versionId) },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: "roadmap.item_create", targetType: "project", targetId: project.id, after: { key, title } });
    return { id: project.id };
  });
}

function refuseReviewWithoutEvidence(values: { evidence: string; reviewRequired: boolean }) {
  if (values.evidence === "none" && values.reviewRequired) {
    fieldError("reviewRequired", 'A mentor reviews submitted evidence: set evidence to "Optional" or "Required", or turn review off.');
  }
}

/** A new key must be free in the version, and the old one may change only while nobody has progress on it. */
async function checkItemKeyChange(tx: Tx, roadmapId: string, versionId: string, before: { id: string; key: string }, key: string) {
  if (key === before.key) return;
  if ((await getKeysWithProgress(roadmapId, [before.key], tx)).size > 0) fieldError("key", KEY_LOCKED_MESSAGE);
  const keys = await itemKeysOf(tx, versionId);
  if (keys.all.has(key)) fieldError("key", `Another milestone or project of this roadmap already uses the key "${key}".`);
}

export async function updatePhase(actor: Actor, input: UpdatePhaseInput): Promise<SaveOutcome<EditorPhase>> {
  const { phaseId, lockVersion, ...values } = input;
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.phase.findUnique({ where: { id: phaseId }, select: { versionId: true, key: true, title: true, description: true } });
    if (!before) throw new AppError("NOT_FOUND", ITEM_NOT_FOUND);
    await lockDraft(tx, before.versionId);
    if (values.key !== before.key && (await tx.phase.count({ where: { versionId: before.versionId, key: values.key } })) > 0) {
      fieldError("key", `Another phase already uses the key "${values.key}".`);
    }
    const { count } = await tx.phase.updateMany({ where: { id: phaseId, lockVersion }, data: { ...values, lockVersion: { increment: 1 } } });
    if (count === 0) return false;
    await writeAudit(tx, { actor, action: "roadmap.item_update", targetType: "phase", targetId: phaseId, ...changes(before, values) });
    return true;
  });
  return saveOutcome(saved, await getPhaseForEditor(phaseId), ITEM_NOT_FOUND);
}

export async function updateMilestone(actor: Actor, input: UpdateMilestoneInput): Promise<SaveOutcome<EditorMilestone>> {
  const { milestoneId, lockVersion, phaseId, ...values } = input;
  refuseReviewWithoutEvidence(values);
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.milestone.findUnique({
      where: { id: milestoneId },
      select: { id: true, versionId: true, phaseId: true, ...MILESTONE_CONTENT_SELECT },
    });
    if (!before) throw new AppError("NOT_FOUND", ITEM_NOT_FOUND);
    const version = await lockDraft(tx, before.versionId);
    await checkItemKeyChange(tx, version.roadmapId, before.versionId, before, values.key);
    let position: number | undefined;
    if (phaseId !== before.phaseId) {
      const target = await tx.phase.count({ where: { id: phaseId, versionId: before.versionId } });
      if (target === 0) fieldError("phaseId", "Pick a phase of this roadmap version.");
      position = await nextMilestonePosition(tx, phaseId);
    }
    const { count } = await tx.milestone.updateMany({
      where: { id: milestoneId, lockVersion },
      data: { ...values, phaseId, ...(position === undefined ? {} : { position }), lockVersion: { increment: 1 } },
    });
    if (count === 0) return false;
    if (values.key !== before.key) {
      // Projects name the milestones they demonstrate by key: follow the rename.
      await tx.$executeRaw`
        UPDATE portfolio_projects SET milestone_keys = array_replace(milestone_keys, ${before.key}, ${values.key})
        WHERE version_id = ${before.versionId}::uuid AND ${before.key} = ANY(milestone_keys)`;
    }
    const { id: _id, versionId: _versionId, ...old } = before;
    await writeAudit(tx, { actor, action: "roadmap.item_update", targetType: "milestone", targetId: milestoneId, ...changes(old, { ...values, phaseId }) });
    return true;
  });
  return saveOutcome(saved, await getMilestoneForEditor(milestoneId), ITEM_NOT_FOUND);
}

export async function updateProject(actor: Actor, input: UpdateProjectInput): Promise<SaveOutcome<EditorProject>> {
  const { projectId, lockVersion, ...values } = input;
  refuseReviewWithoutEvidence(values);
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.portfolioProject.findUnique({
      where: { id: projectId },
      select: { id: true, versionId: true, ...PROJECT_CONTENT_SELECT },
    });
    if (!before) throw new AppError("NOT_FOUND", ITEM_NOT_FOUND);
    const version = await lockDraft(tx, before.versionId);
    await checkItemKeyChange(tx, version.roadmapId, before.versionId, before, values.key);
    const { milestones } = await itemKeysOf(tx, before.versionId);
    const live = new Set(milestones.filter((milestone) => !milestone.archivedAt).map((milestone) => milestone.key));
    const unknown = values.milestoneKeys.filter((key) => !live.has(key));
    if (unknown.length > 0) fieldError("milestoneKeys", `No milestone of this version has the key ${unknown.map((key) => `"${key}"`).join(", ")}.`);
    const milestoneKeys = [...new Set(values.milestoneKeys)];
    const { count } = await tx.portfolioProject.updateMany({
      where: { id: projectId, lockVersion },
      data: { ...values, milestoneKeys, lockVersion: { increment: 1 } },
    });
    if (count === 0) return false;
    const { id: _id, versionId: _versionId, ...old } = before;
    await writeAudit(tx, { actor, action: "roadmap.item_update", targetType: "project", targetId: projectId, ...changes(old, { ...values, milestoneKeys }) });
    return true;
  });
  return saveOutcome(saved, await getProjectForEditor(projectId), ITEM_NOT_FOUND);
}

/**
 * Drag and drop or "Move up/down": the whole new order of one list in one statement. The list must hold exactly
 * the items it holds now, so a move based on a stale outline changes nothing.
 */
export async function reorderItems(actor: Actor, input: ReorderInput) {
  const { versionId, list, phaseId, ids } = input;
  await db.$transaction(async (tx) => {
    await lockDraft(tx, versionId);
    const current =
      list === "phases"
        ? await tx.phase.findMany({ where: { versionId }, select: { id: true } })
        : list === "projects"
          ? await tx.portfolioProject.findMany({ where: { versionId }, select: { id: true } })
          : await tx.milestone.findMany({ where: { versionId, phaseId: phaseId ?? "" }, select: { id: true } });
    const wanted = new Set(ids);
    if (wanted.size !== ids.length || current.length !== ids.length || current.some((item) => !wanted.has(item.id))) {
      throw new AppError("CONFLICT", OUTLINE_CONFLICT_MESSAGE);
    }
    if (list === "phases") {
      await tx.$executeRaw`UPDATE phases AS item SET position = ordered.n - 1, updated_at = now()
        FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS ordered(id, n) WHERE item.id = ordered.id`;
    } else if (list === "projects") {
      await tx.$executeRaw`UPDATE portfolio_projects AS item SET position = ordered.n - 1, updated_at = now()
        FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS ordered(id, n) WHERE item.id = ordered.id`;
    } else {
      await tx.$executeRaw`UPDATE milestones AS item SET position = ordered.n - 1, updated_at = now()
        FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS ordered(id, n) WHERE item.id = ordered.id`;
    }
    await writeAudit(tx, { actor, action: "roadmap.reorder", targetType: "roadmap_version", targetId: versionId, after: { list, phaseId: phaseId ?? null, ids } });
  });
}

/**
 * Archive hides an item from the next published version; its key, and every learner's work on it, stay. Archiving
 * a milestone (or a phase, with its milestones) also takes it off the projects that list it as demonstrated — a
 * project cannot demonstrate what the roadmap no longer holds — and says which projects those were.
 */
export async function setItemArchived(
  actor: Actor,
  kind: "phase" | "milestone" | "project",
  id: string,
  archived: boolean,
): Promise<{ unlinkedFrom: string[] }> {
  return db.$transaction(async (tx) => {
    const item =
      kind === "phase"
        ? await tx.phase.findUnique({ where: { id }, select: { versionId: true, key: true, title: true } })
        : kind === "milestone"
          ? await tx.milestone.findUnique({ where: { id }, select: { versionId: true, key: true, title: true } })
          : await tx.portfolioProject.findUnique({ where: { id }, select: { versionId: true, key: true, title: true } });
    if (!item) throw new AppError("NOT_FOUND", ITEM_NOT_FOUND);
    await lockDraft(tx, item.versionId);
    const where = { id, archivedAt: archived ? null : { not: null } };
    const data = { archivedAt: archived ? new Date() : null, lockVersion: { increment: 1 } };
    const { count } =
      kind === "phase"
        ? await tx.phase.updateMany({ where, data })
        : kind === "milestone"
          ? await tx.milestone.updateMany({ where, data })
          : await tx.portfolioProject.updateMany({ where, data });
    if (count === 0) throw new AppError("INVALID_STATE", archived ? "This item is already archived." : "This item is not archived.");
    let unlinkedFrom: string[] = [];
    if (archived && kind !== "project") {
      const keys = kind === "milestone" ? [item.key] : (await tx.milestone.findMany({ where: { phaseId: id }, select: { key: true } })).map((milestone) => milestone.key);
      const projects = await tx.$queryRaw<{ title: string }[]>`
        UPDATE portfolio_projects
           SET milestone_keys = ARRAY(SELECT k FROM unnest(milestone_keys) AS k WHERE k <> ALL(${keys}::text[])),
               lock_version = lock_version + 1, updated_at = now()
         WHERE version_id = ${item.versionId}::uuid AND milestone_keys && ${keys}::text[]
        RETURNING title`;
      unlinkedFrom = projects.map((project) => project.title);
    }
    await writeAudit(tx, {
      actor,
      action: archived ? "roadmap.item_archive" : "roadmap.item_restore",
      targetType: kind,
      targetId: id,
      before: { key: item.key, title: item.title, archived: !archived },
      after: { key: item.key, title: item.title, archived, ...(unlinkedFrom.length > 0 ? { unlinkedFrom } : {}) },
    });
    return { unlinkedFrom };
  });
}

// ——— Import ———

export type ImportedVersion = { roadmapId: string; versionId: string; slug: string; number: number; created: boolean };

/**
 * Writes a parsed roadmap document as a new version of the roadmap with its slug
 * (creating the roadmap the first time). Existing versions are never touched, so
 * cohorts pinned to them keep working; milestone keys tie progress across versions.
 * One transaction: a failure leaves nothing behind.
 */
export async function importRoadmapDocument(
  document: RoadmapDocument,
  { status = "published", actor = null }: { status?: VersionStatus; actor?: Actor | null } = {},
): Promise<ImportedVersion> {
  return db.$transaction(async (tx) => {
    // Serialises concurrent imports of the same slug so version numbers never collide, and so two draft
    // imports cannot both see "no open draft".
    await lockRoadmapSlug(tx, document.slug);
    const existing = await tx.roadmap.findUnique({ where: { slug: document.slug }, select: { id: true } });
    if (existing) {
      // A roadmap has at most one open draft, and it is always its newest version (decision 008).
      const draft = await tx.roadmapVersion.findFirst({
        where: { roadmapId: existing.id, status: "draft" },
        orderBy: { number: "desc" },
        select: { number: true },
      });
      if (draft) throw new AppError("CONFLICT", openDraftMessage(draft.number));
    }
    const roadmap =
      existing ?? (await tx.roadmap.create({ data: { slug: document.slug, name: document.title }, select: { id: true } }));
    const latest = await tx.roadmapVersion.findFirst({
      where: { roadmapId: roadmap.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    });
    const number = (latest?.number ?? 0) + 1;
    const publishedAt = status === "published" ? new Date() : null;
    // A version published straight from a file gets the same computed summary as one published in the editor;
    // a draft's is computed when it is published. (No draft is open here, so `latest` is published or retired.)
    const changeSummary = publishedAt ? diffDocuments(latest ? await getRoadmapDocument(latest.id, tx) : null, document) : undefined;
    const version = await tx.roadmapVersion.create({
      data: {
        roadmapId: roadmap.id,
        number,
        status,
        title: document.title,
        summary: document.summary,
        publishedAt,
        publishedById: publishedAt ? (actor?.id ?? null) : null,
        changeSummary,
      },
      select: { id: true },
    });
    await writeVersionContent(tx, version.id, document);
    if (status === "published") {
      await tx.roadmap.update({ where: { id: roadmap.id }, data: { name: document.title } });
    }
    await writeAudit(tx, {
      actor,
      action: "roadmap.import",
      targetType: "roadmap_version",
      targetId: version.id,
      after: { slug: document.slug, number, status },
    });
    return { roadmapId: roadmap.id, versionId: version.id, slug: document.slug, number, created: !existing };
  });
}

async function writeVersionContent(tx: Tx, versionId: string, document: RoadmapDocument) {
  const phases = await tx.phase.createManyAndReturn({
    data: document.phases.map((phase, position) => ({
      versionId,
      key: phase.key,
      position,
      title: phase.title,
      description: phase.description,
    })),
    select: { id: true, key: true },
  });
  const phaseIds = new Map(phases.map((phase) => [phase.key, phase.id]));
  await tx.milestone.createMany({
    data: document.phases.flatMap((phase) =>
      phase.milestones.map((milestone, position) => ({
        versionId,
        phaseId: phaseIds.get(phase.key)!,
        key: milestone.key,
        position,
        title: milestone.title,
        description: milestone.description,
        doneWhen: milestone.doneWhen,
        resources: milestone.resources,
        evidence: milestone.evidence,
        reviewRequired: milestone.reviewRequired,
        effortHours: milestone.effortHours,
      })),
    ),
  });
  await tx.portfolioProject.createMany({
    data: document.projects.map((project, position) => ({
      versionId,
      key: project.key,
      position,
      title: project.title,
      description: project.description,
      doneWhen: project.doneWhen,
      evidence: project.evidence,
      reviewRequired: project.reviewRequired,
      milestoneKeys: project.milestoneKeys,
    })),
  });
  await tx.weeklyRuleItem.createMany({
    data: document.weeklyRule.map((text, position) => ({ versionId, position, text })),
  });
  await tx.successCriterion.createMany({
    data: document.criteria.map((criterion, position) => ({ versionId, key: criterion.key, position, text: criterion.text })),
  });
  await tx.roadmapNote.createMany({
    data: document.notes.map((note, position) => ({ versionId, position, title: note.title, body: note.body })),
  });
}
