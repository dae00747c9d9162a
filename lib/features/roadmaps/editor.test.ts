// The roadmap editor as shipped: real server actions run as a signed-in admin (asUser), against real PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import {
  addMilestoneAction,
  addPhaseAction,
  addProjectAction,
  countItemCompletionsAction,
  createDraftAction,
  createRoadmapAction,
  discardDraftAction,
  publishVersionAction,
  reorderItemsAction,
  setItemArchivedAction,
  setRoadmapArchivedAction,
  updateCriteriaAction,
  updateMilestoneAction,
  updateNotesAction,
  updatePhaseAction,
  updateProjectAction,
  updateVersionDetailsAction,
  updateWeeklyRuleAction,
} from "@/lib/features/roadmaps/actions";
import { ITEM_CONFLICT_MESSAGE, KEY_LOCKED_MESSAGE, OUTLINE_CONFLICT_MESSAGE } from "@/lib/features/roadmaps/constants";
import { getEditorVersion } from "@/lib/features/roadmaps/data";
import { loadVersionEditor } from "@/lib/features/roadmaps/loaders";
import type { EditorMilestone, EditorVersion } from "@/lib/features/roadmaps/types";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createSubmission, setProgress } from "@/prisma/factories/progress";
import { readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";
import { truncateAllTables } from "@/test/database";

type User = Awaited<ReturnType<typeof createUser>>;

let admin: User;
let secondAdmin: User;

beforeEach(async () => {
  await truncateAllTables(process.env.DATABASE_URL!);
  admin = await createUser({ isAdmin: true, name: "Ada Admin" });
  secondAdmin = await createUser({ isAdmin: true, name: "Grace Admin" });
});

function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.data;
}

async function editor(roadmapId: string, number: number): Promise<EditorVersion> {
  const version = await getEditorVersion(roadmapId, number);
  if (!version) throw new Error("no such version");
  return version;
}

function milestoneInput(milestone: EditorMilestone, changes: Partial<EditorMilestone> = {}) {
  const { id, archived: _archived, ...fields } = { ...milestone, ...changes };
  return { ...fields, milestoneId: id };
}

/** The default MLOps roadmap, published as v1, with a cohort following it and a draft v2 open. */
async function publishedWithDraft() {
  const document = await readDefaultRoadmap();
  const imported = await importRoadmapDocument({ ...document, slug: "spring" }, { actor: { id: admin.id, requestId: null } });
  const cohort = await createCohort({ versionId: imported.versionId });
  const learner = await createUser({ name: "Lena Learner" });
  const membership = await addMember(cohort.id, learner.id, "learner");
  unwrap(await asUser(admin, () => createDraftAction({ roadmapId: imported.roadmapId })));
  return { ...imported, cohort, learner, membership, document, draft: await editor(imported.roadmapId, 2) };
}

describe("creating and publishing a roadmap", () => {
  it("starts an empty draft, refuses to publish it until it has content, then publishes v1 with everything as added", async () => {
    const { roadmapId, number } = unwrap(await asUser(admin, () => createRoadmapAction({ name: "Data Engineering 2027", slug: "" })));
    expect(number).toBe(1);
    let draft = await editor(roadmapId, 1);
    expect(draft).toMatchObject({ status: "draft", title: "Data Engineering 2027", roadmapSlug: "data-engineering-2027", phases: [] });

    const empty = unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })));
    expect(empty).toEqual({ status: "invalid", issues: [{ message: "The roadmap has no phases; it needs at least one." }] });

    const phase = unwrap(await asUser(admin, () => addPhaseAction({ versionId: draft.id, title: "Foundations" })));
    unwrap(await asUser(admin, () => addMilestoneAction({ phaseId: phase.id, title: "Set up Python" })));
    unwrap(await asUser(admin, () => addMilestoneAction({ phaseId: phase.id, title: "Set up Python" })));
    draft = await editor(roadmapId, 1);
    expect(draft.phases[0]!.milestones.map((milestone) => milestone.key)).toEqual(["set-up-python", "set-up-python-2"]);

    const published = unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })));
    expect(published).toMatchObject({ status: "published", number: 1 });
    if (published.status !== "published") return;
    expect(published.changeSummary.added.map((item) => item.key)).toEqual(["foundations", "set-up-python", "set-up-python-2"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "roadmap.publish" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetId: draft.id });
  });

  it("refuses a slug that another roadmap already uses, naming the field", async () => {
    unwrap(await asUser(admin, () => createRoadmapAction({ name: "One", slug: "shared" })));
    const second = await asUser(admin, () => createRoadmapAction({ name: "Two", slug: "shared" }));
    expect(second).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { slug: [expect.stringContaining('"shared"')] } });
    expect(await db.roadmap.count()).toBe(1);
  });
});

describe("versions", () => {
  it("copies the latest version into the new draft, allows one draft at a time and keeps published versions read-only", async () => {
    const { roadmapId, versionId, draft, document } = await publishedWithDraft();
    expect(await getRoadmapDocument(draft.id)).toEqual(await getRoadmapDocument(versionId));
    expect(draft.phases).toHaveLength(document.phases.length);

    // The open draft stays the newest version: no import (draft or published) slips past it.
    await expect(importRoadmapDocument({ ...document, slug: "spring" })).rejects.toThrow("Version 2 is still a draft");
    expect(await db.roadmapVersion.count({ where: { roadmapId } })).toBe(2);

    const again = await asUser(admin, () => createDraftAction({ roadmapId }));
    expect(again).toMatchObject({ ok: false, code: "INVALID_STATE", error: "Version 2 is already the draft of this roadmap. Edit or publish it first." });

    const v1 = await editor(roadmapId, 1);
    const edit = await asUser(admin, () => updateMilestoneAction(milestoneInput(v1.phases[0]!.milestones[0]!, { title: "Changed" })));
    expect(edit).toMatchObject({ ok: false, code: "INVALID_STATE", error: expect.stringContaining("published and read-only") });
    expect((await editor(roadmapId, 1)).phases[0]!.milestones[0]!.title).toBe(v1.phases[0]!.milestones[0]!.title);
  });

  it("publishes the draft with a computed summary while the cohort stays on its version", async () => {
    const { roadmapId, cohort, draft } = await publishedWithDraft();
    const [first, second] = draft.phases[0]!.milestones as [EditorMilestone, EditorMilestone];
    unwrap(await asUser(admin, () => updateMilestoneAction(milestoneInput(first, { title: "Install Python, uv and Git" }))));
    unwrap(await asUser(admin, () => setItemArchivedAction({ kind: "milestone", id: second.id, archived: true })));
    unwrap(await asUser(admin, () => addMilestoneAction({ phaseId: draft.phases[0]!.id, title: "Write a Makefile" })));
    const outline = (await editor(roadmapId, 2)).phases.map((phase) => phase.id);
    unwrap(await asUser(admin, () => reorderItemsAction({ versionId: draft.id, list: "phases", ids: [outline[1]!, outline[0]!, ...outline.slice(2)] })));

    const preview = await editor(roadmapId, 2);
    expect(preview.changeSummary).toEqual({
      added: [{ kind: "milestone", key: "write-a-makefile", title: "Write a Makefile" }],
      changed: [{ kind: "milestone", key: first.key, title: "Install Python, uv and Git" }],
      archived: [{ kind: "milestone", key: second.key, title: second.title }],
    });

    const published = unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })));
    expect(published).toMatchObject({ status: "published", number: 2, changeSummary: preview.changeSummary });
    const v2 = await editor(roadmapId, 2);
    expect(v2).toMatchObject({ status: "published", publishedBy: "Ada Admin", changeSummary: preview.changeSummary });
    expect(v2.phases.map((phase) => phase.id)).toEqual([outline[1]!, outline[0]!, ...outline.slice(2)]);
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).versionId).not.toBe(draft.id);

    const stale = await asUser(admin, () => addMilestoneAction({ phaseId: draft.phases[0]!.id, title: "Too late" }));
    expect(stale).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });

  it("tells the mentors of cohorts on an older version, and nobody else, that a new version is out", async () => {
    const { draft, cohort } = await publishedWithDraft();
    const [mentor, removedMentor] = [await createUser({ name: "Morgan Mentor" }), await createUser({ name: "Former Mentor" })];
    await addMember(cohort.id, mentor.id, "mentor");
    await db.membership.update({ where: { id: (await addMember(cohort.id, removedMentor.id, "mentor")).id }, data: { removedAt: new Date() } });
    unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })));
    const notifications = await db.notification.findMany({ select: { userId: true, type: true, title: true, href: true } });
    expect(notifications).toEqual([
      {
        userId: mentor.id,
        type: "roadmap_version",
        title: `MLOps Roadmap 2026 version 2 is published. ${cohort.name} stays on its version until you move it.`,
        href: `/cohorts/${cohort.id}/settings`,
      },
    ]);
  });

  it("stores the same computed summary when a version is published straight from a file", async () => {
    const document = await readDefaultRoadmap();
    await importRoadmapDocument({ ...document, slug: "from-file" });
    const [first, ...rest] = document.phases[0]!.milestones;
    const next = structuredClone(document);
    next.phases[0]!.milestones = [{ ...first!, title: "Renamed in the file" }, ...rest.slice(1)];
    const v2 = await importRoadmapDocument({ ...next, slug: "from-file" });
    const stored = await db.roadmapVersion.findUniqueOrThrow({ where: { id: v2.versionId }, select: { changeSummary: true } });
    expect(stored.changeSummary).toEqual({
      added: [],
      changed: [{ kind: "milestone", key: first!.key, title: "Renamed in the file" }],
      archived: [{ kind: "milestone", key: rest[0]!.key, title: rest[0]!.title }],
    });
  });

  it("publishes a draft once when two admins press Publish together", async () => {
    const { draft } = await publishedWithDraft();
    const results = await Promise.all([admin, secondAdmin].map((who) => asUser(who, () => publishVersionAction({ versionId: draft.id }))));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "INVALID_STATE", error: "Version 2 is already published." });
    expect(await db.auditEvent.count({ where: { action: "roadmap.publish" } })).toBe(1);
  });

  it("names the problems that block publishing and leaves the draft a draft", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const phase = unwrap(await asUser(admin, () => addPhaseAction({ versionId: draft.id, title: "Empty phase" })));
    const result = unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })));
    expect(result).toEqual({ status: "invalid", issues: [{ message: 'Phase "Empty phase" has no milestones; every phase needs at least one.' }] });
    expect((await editor(roadmapId, 2)).status).toBe("draft");
    unwrap(await asUser(admin, () => setItemArchivedAction({ kind: "phase", id: phase.id, archived: true })));
    expect(unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })))).toMatchObject({ status: "published" });
  });

  it("discards a draft without touching the published version or anyone's progress", async () => {
    const { roadmapId, versionId, draft, membership, document } = await publishedWithDraft();
    const key = document.phases[0]!.milestones[0]!.key;
    await setProgress(membership.id, key, "done");
    unwrap(await asUser(admin, () => discardDraftAction({ versionId: draft.id })));
    expect(await db.roadmapVersion.count({ where: { roadmapId } })).toBe(1);
    expect(await getRoadmapDocument(versionId)).toEqual({ ...document, slug: "spring" });
    expect(await db.progress.count({ where: { membershipId: membership.id, itemKey: key, status: "done" } })).toBe(1);
    const published = await asUser(admin, () => discardDraftAction({ versionId }));
    expect(published).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });
});

describe("no lost edits", () => {
  it("refuses the second save of a stale milestone with the current content, and applies it when re-sent", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const loaded = draft.phases[1]!.milestones[0]!;
    unwrap(await asUser(admin, () => updateMilestoneAction(milestoneInput(loaded, { title: "Ada's title" }))));
    const stale = await asUser(secondAdmin, () => updateMilestoneAction(milestoneInput(loaded, { description: "Grace's description" })));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", error: ITEM_CONFLICT_MESSAGE, current: { title: "Ada's title", lockVersion: 1 } });
    let saved = (await editor(roadmapId, 2)).phases[1]!.milestones[0]!;
    expect(saved).toMatchObject({ title: "Ada's title", description: loaded.description });

    if (stale.ok || !("current" in stale)) return;
    const reapplied = await asUser(secondAdmin, () =>
      updateMilestoneAction(milestoneInput(stale.current, { description: "Grace's description" })),
    );
    expect(reapplied).toMatchObject({ ok: true, data: { title: "Ada's title", description: "Grace's description", lockVersion: 2 } });
    saved = (await editor(roadmapId, 2)).phases[1]!.milestones[0]!;
    expect(saved.description).toBe("Grace's description");
  });

  it("lets exactly one of ten simultaneous saves of the same loaded milestone win", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const loaded = draft.phases[0]!.milestones[0]!;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => asUser(admin, () => updateMilestoneAction(milestoneInput(loaded, { title: `Save ${n}` })))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.code === "CONFLICT")).toHaveLength(9);
    expect((await editor(roadmapId, 2)).phases[0]!.milestones[0]!.lockVersion).toBe(1);
  });

  it("applies the same rule to phases, projects and the version's own fields", async () => {
    const { draft } = await publishedWithDraft();
    const phase = draft.phases[0]!;
    const phaseInput = { phaseId: phase.id, lockVersion: 0, key: phase.key, title: "Renamed", description: "" };
    unwrap(await asUser(admin, () => updatePhaseAction(phaseInput)));
    expect(await asUser(admin, () => updatePhaseAction({ ...phaseInput, title: "Other" }))).toMatchObject({ code: "CONFLICT", current: { title: "Renamed" } });

    const { id: projectId, archived: _archived, ...project } = draft.projects[0]!;
    unwrap(await asUser(admin, () => updateProjectAction({ ...project, projectId, title: "Project A" })));
    expect(await asUser(admin, () => updateProjectAction({ ...project, projectId, title: "Project B" }))).toMatchObject({
      code: "CONFLICT",
      current: { title: "Project A" },
    });

    const base = { versionId: draft.id, lockVersion: draft.lockVersion };
    unwrap(await asUser(admin, () => updateVersionDetailsAction({ ...base, title: "Spring 2027", summary: "Ship it." })));
    expect(await asUser(admin, () => updateWeeklyRuleAction({ ...base, items: ["Ship weekly"] }))).toMatchObject({
      code: "CONFLICT",
      current: { title: "Spring 2027", weeklyRule: draft.weeklyRule },
    });
  });

  it("reorders atomically and refuses a move made on a stale outline", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const ids = draft.phases[0]!.milestones.map((milestone) => milestone.id);
    const reversed = [...ids].reverse();
    unwrap(await asUser(admin, () => reorderItemsAction({ versionId: draft.id, list: "milestones", phaseId: draft.phases[0]!.id, ids: reversed })));
    expect((await editor(roadmapId, 2)).phases[0]!.milestones.map((milestone) => milestone.id)).toEqual(reversed);

    unwrap(await asUser(admin, () => addMilestoneAction({ phaseId: draft.phases[0]!.id, title: "Brand new" })));
    const stale = await asUser(admin, () => reorderItemsAction({ versionId: draft.id, list: "milestones", phaseId: draft.phases[0]!.id, ids }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", error: OUTLINE_CONFLICT_MESSAGE });
    expect((await editor(roadmapId, 2)).phases[0]!.milestones.map((milestone) => milestone.id).slice(0, ids.length)).toEqual(reversed);

    const projects = draft.projects.map((project) => project.id);
    const orders = [projects, [...projects].reverse()];
    await Promise.all(orders.map((order) => asUser(admin, () => reorderItemsAction({ versionId: draft.id, list: "projects", ids: order }))));
    const final = (await editor(roadmapId, 2)).projects.map((project) => project.id);
    expect(orders).toContainEqual(final);
  });
});

describe("keys, archive and progress", () => {
  it("lets a key change only while nobody has progress on it, and projects follow the rename", async () => {
    const { roadmapId, draft, membership } = await publishedWithDraft();
    const project = draft.projects.find((candidate) => candidate.milestoneKeys.length > 0)!;
    const demonstrated = draft.phases.flatMap((phase) => phase.milestones).find((milestone) => milestone.key === project.milestoneKeys[0]!)!;
    const untouched = draft.phases[0]!.milestones[0]!;
    await setProgress(membership.id, demonstrated.key, "in_progress");
    expect((await editor(roadmapId, 2)).lockedKeys).toEqual([demonstrated.key]);

    const refused = await asUser(admin, () => updateMilestoneAction(milestoneInput(demonstrated, { key: "renamed-key" })));
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { key: [KEY_LOCKED_MESSAGE] } });

    const taken = await asUser(admin, () => updateMilestoneAction(milestoneInput(untouched, { key: demonstrated.key })));
    expect(taken).toMatchObject({ ok: false, fieldErrors: { key: [expect.stringContaining("already uses the key")] } });

    await db.progress.deleteMany({});
    unwrap(await asUser(admin, () => updateMilestoneAction(milestoneInput(demonstrated, { key: "renamed-key" }))));
    const after = await editor(roadmapId, 2);
    expect(after.projects.find((candidate) => candidate.id === project.id)!.milestoneKeys).toContain("renamed-key");
  });

  it("archives an item with progress instead of deleting it: every attempt stays, and restore brings it back", async () => {
    const { roadmapId, draft, membership } = await publishedWithDraft();
    const milestone = draft.phases[0]!.milestones[0]!;
    await createSubmission({ membershipId: membership.id, itemKey: milestone.key, links: [{ url: "https://github.com/lena/setup" }] });
    unwrap(await asUser(admin, () => setItemArchivedAction({ kind: "milestone", id: milestone.id, archived: true })));
    expect(await db.milestone.count({ where: { id: milestone.id } })).toBe(1);
    expect(await db.submission.count({ where: { progress: { membershipId: membership.id, itemKey: milestone.key } } })).toBe(1);
    const document = await getRoadmapDocument(draft.id);
    expect(document.phases[0]!.milestones.map((item) => item.key)).not.toContain(milestone.key);
    expect((await editor(roadmapId, 2)).phases[0]!.milestones[0]!).toMatchObject({ id: milestone.id, archived: true });

    unwrap(await asUser(admin, () => setItemArchivedAction({ kind: "milestone", id: milestone.id, archived: false })));
    expect((await getRoadmapDocument(draft.id)).phases[0]!.milestones[0]!.key).toBe(milestone.key);
    const audit = await db.auditEvent.findMany({ where: { targetId: milestone.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(["roadmap.item_archive", "roadmap.item_restore"]);
  });

  it("takes an archived milestone off the projects that demonstrate it, so the draft still publishes", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const project = draft.projects.find((candidate) => candidate.milestoneKeys.length > 1)!;
    const key = project.milestoneKeys[0]!;
    const milestone = draft.phases.flatMap((phase) => phase.milestones).find((candidate) => candidate.key === key)!;
    const archived = unwrap(await asUser(admin, () => setItemArchivedAction({ kind: "milestone", id: milestone.id, archived: true })));
    expect(archived.unlinkedFrom).toEqual([project.title]);
    const after = (await editor(roadmapId, 2)).projects.find((candidate) => candidate.id === project.id)!;
    expect(after).toMatchObject({ milestoneKeys: project.milestoneKeys.slice(1), lockVersion: project.lockVersion + 1 });
    const published = unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })));
    expect(published).toMatchObject({ status: "published" });
    if (published.status !== "published") return;
    expect(published.changeSummary.archived.map((item) => item.key)).toEqual([key]);
    expect(published.changeSummary.changed.map((item) => item.key)).toEqual([project.key]);
  });

  it("archives a roadmap without touching the cohorts that follow it", async () => {
    const { roadmapId, cohort, versionId } = await publishedWithDraft();
    unwrap(await asUser(admin, () => setRoadmapArchivedAction({ roadmapId, archived: true })));
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).versionId).toBe(versionId);
    expect(await asUser(admin, () => setRoadmapArchivedAction({ roadmapId, archived: true }))).toMatchObject({ code: "INVALID_STATE" });
  });
});

describe("bad input", () => {
  it("explains each bad field and changes nothing", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const milestone = draft.phases[0]!.milestones[0]!;
    const result = await asUser(admin, () =>
      updateMilestoneAction({
        ...milestoneInput(milestone),
        title: "",
        resources: [{ label: "Evil", url: "javascript:alert(1)" }],
        effortHours: 0,
        key: "Not A Key",
      }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (result.ok || "current" in result) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["effortHours", "key", "resources.0.url", "title"]);
    expect((await editor(roadmapId, 2)).phases[0]!.milestones[0]!).toEqual(milestone);

    const hiddenHost = await asUser(admin, () =>
      updateMilestoneAction({ ...milestoneInput(milestone), resources: [{ label: "Docs", url: "https://a@evil" }] }),
    );
    expect(hiddenHost).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { "resources.0.url": ['"https://a@evil" is not a valid link: a link cannot carry a user name or password before "@".'] },
    });
    expect((await editor(roadmapId, 2)).phases[0]!.milestones[0]!).toEqual(milestone);

    // An empty field gets one message: what is missing, not also why the nothing there is invalid.
    const empty = await asUser(admin, () =>
      updateMilestoneAction({ ...milestoneInput(milestone), doneWhen: [""], resources: [{ label: "", url: "" }] }),
    );
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: {
        "doneWhen.0": ['A "Done when" item cannot be empty.'],
        "resources.0.label": ["A resource label cannot be empty."],
        "resources.0.url": ["A resource link cannot be empty."],
      },
    });

    const reviewWithoutEvidence = await asUser(admin, () =>
      updateMilestoneAction(milestoneInput(milestone, { evidence: "none", reviewRequired: true })),
    );
    expect(reviewWithoutEvidence).toMatchObject({ fieldErrors: { reviewRequired: [expect.stringContaining("evidence")] } });

    const extra = await asUser(admin, () => updateMilestoneAction({ ...milestoneInput(milestone), archivedAt: null }));
    expect(extra).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    const project = draft.projects[0]!;
    const unknownKey = await asUser(admin, () =>
      updateProjectAction({ ...milestoneFree(project), projectId: project.id, milestoneKeys: ["no-such-milestone"] }),
    );
    expect(unknownKey).toMatchObject({ fieldErrors: { milestoneKeys: [expect.stringContaining('"no-such-milestone"')] } });
    expect((await editor(roadmapId, 2)).phases[0]!.milestones[0]!).toEqual(milestone);
  });

  it("keeps criteria keys on save so self-assessments carry over, and gives new criteria their own", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const [first, ...rest] = draft.criteria as [EditorVersion["criteria"][number], ...EditorVersion["criteria"]];
    const items = [{ key: null, text: "Can explain drift to a product manager" }, ...rest.map((criterion) => ({ ...criterion })), { ...first, text: "Reworded" }];
    const saved = unwrap(await asUser(admin, () => updateCriteriaAction({ versionId: draft.id, lockVersion: draft.lockVersion, items })));
    expect(saved.criteria.map((criterion) => criterion.key)).toEqual([
      "can-explain-drift-to-a-product-manager",
      ...rest.map((criterion) => criterion.key),
      first.key,
    ]);
    const refusedNote = await asUser(admin, () =>
      updateNotesAction({ versionId: draft.id, lockVersion: saved.lockVersion, items: [{ title: "Goal", body: "Reserved title" }] }),
    );
    expect(refusedNote).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await editor(roadmapId, 2)).notes).toEqual(draft.notes);
  });
});

function milestoneFree(project: EditorVersion["projects"][number]) {
  const { id: _id, archived: _archived, ...fields } = project;
  return fields;
}

describe("who may author (docs/security.md #6)", () => {
  it("answers a mentor or learner replaying any editor action as if nothing existed, and changes nothing", async () => {
    const { roadmapId, draft, cohort, learner } = await publishedWithDraft();
    const mentor = await createUser({ name: "Morgan Mentor" });
    await addMember(cohort.id, mentor.id, "mentor");
    const milestone = draft.phases[0]!.milestones[0]!;
    const before = await getRoadmapDocument(draft.id);
    const auditBefore = await db.auditEvent.count();
    const calls: (() => Promise<{ ok: boolean }>)[] = [
      () => createRoadmapAction({ name: "Sneaky", slug: "" }),
      () => createDraftAction({ roadmapId }),
      () => discardDraftAction({ versionId: draft.id }),
      () => publishVersionAction({ versionId: draft.id }),
      () => setRoadmapArchivedAction({ roadmapId, archived: true }),
      () => updateVersionDetailsAction({ versionId: draft.id, lockVersion: 0, title: "Hacked", summary: "" }),
      () => updateWeeklyRuleAction({ versionId: draft.id, lockVersion: 0, items: ["Hacked"] }),
      () => updateCriteriaAction({ versionId: draft.id, lockVersion: 0, items: [] }),
      () => updateNotesAction({ versionId: draft.id, lockVersion: 0, items: [] }),
      () => addPhaseAction({ versionId: draft.id, title: "Hacked" }),
      () => addMilestoneAction({ phaseId: draft.phases[0]!.id, title: "Hacked" }),
      () => addProjectAction({ versionId: draft.id, title: "Hacked" }),
      () => updatePhaseAction({ phaseId: draft.phases[0]!.id, lockVersion: 0, key: "x", title: "Hacked", description: "" }),
      () => updateMilestoneAction(milestoneInput(milestone, { title: "Hacked" })),
      () => updateProjectAction({ ...milestoneFree(draft.projects[0]!), projectId: draft.projects[0]!.id, title: "Hacked" }),
      () => reorderItemsAction({ versionId: draft.id, list: "phases", ids: [...draft.phases].reverse().map((phase) => phase.id) }),
      () => setItemArchivedAction({ kind: "milestone", id: milestone.id, archived: true }),
      () => countItemCompletionsAction({ kind: "milestone", id: milestone.id }),
    ];
    for (const who of [mentor, learner]) {
      for (const call of calls) {
        expect(await asUser(who, call)).toMatchObject({ ok: false, code: "NOT_FOUND", error: "This page does not exist." });
      }
      await expect(asUser(who, () => loadVersionEditor({ ...who, isAdmin: false }, roadmapId, "2"))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    }
    expect(await getRoadmapDocument(draft.id)).toEqual(before);
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(await db.roadmap.count()).toBe(1);
  });

  it("stops a demoted admin on their very next action", async () => {
    const { draft } = await publishedWithDraft();
    await db.user.update({ where: { id: admin.id }, data: { isAdmin: false } });
    expect(await asUser(admin, () => addPhaseAction({ versionId: draft.id, title: "Late" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editor page statements", () => {
  it("loads a small and a large roadmap version in the same number of statements", async () => {
    const small = unwrap(await asUser(admin, () => createRoadmapAction({ name: "Small", slug: "" })));
    const smallDraft = await editor(small.roadmapId, 1);
    const phase = unwrap(await asUser(admin, () => addPhaseAction({ versionId: smallDraft.id, title: "Only phase" })));
    unwrap(await asUser(admin, () => addMilestoneAction({ phaseId: phase.id, title: "Only milestone" })));
    // Both drafts have a published version before them, so both pages compare against one.
    unwrap(await asUser(admin, () => publishVersionAction({ versionId: smallDraft.id })));
    unwrap(await asUser(admin, () => createDraftAction({ roadmapId: small.roadmapId })));
    const { roadmapId: large } = await publishedWithDraft();
    const viewer = { id: admin.id, email: admin.email, name: admin.name, isAdmin: true };
    const smallCount = (await countQueries(() => getEditorVersion(small.roadmapId, 2))).count;
    const largeCount = (await countQueries(() => getEditorVersion(large, 2))).count;
    expect(largeCount).toBe(smallCount);
    expect(largeCount).toBeLessThanOrEqual(5);
    expect((await loadVersionEditor(viewer, large, "2")).phases.length).toBeGreaterThan(1);
  });
});

describe("what the publish dialog shows", () => {
  it("lists renames, edited fields, reorders and weekly rule edits field by field, matched by key", async () => {
    const { roadmapId, draft } = await publishedWithDraft();
    const first = draft.phases[0]!.milestones[0]!;
    unwrap(await asUser(admin, () => updateMilestoneAction(milestoneInput(first, { title: "Install Python, uv and Git", effortHours: (first.effortHours ?? 0) + 1 }))));
    const outline = draft.phases.map((phase) => phase.id);
    unwrap(await asUser(admin, () => reorderItemsAction({ versionId: draft.id, list: "phases", ids: [outline[1]!, outline[0]!, ...outline.slice(2)] })));
    unwrap(await asUser(admin, () => updateWeeklyRuleAction({ versionId: draft.id, lockVersion: draft.lockVersion, items: [...draft.weeklyRule, "1 hour: reflect"] })));

    const { changes } = await editor(roadmapId, 2);
    expect(changes).toEqual([
      { change: "renamed", kind: "milestone", key: first.key, title: "Install Python, uv and Git", from: first.title },
      { change: "edited", kind: "milestone", key: first.key, title: "Install Python, uv and Git", fields: ["effortHours"] },
      { change: "moved", kind: "phase", key: draft.phases[0]!.key, title: draft.phases[0]!.title, fromPhase: null, toPhase: null },
      { change: "weekly-rule", added: ["1 hour: reflect"], removed: [], reordered: false },
    ]);
    expect((await editor(roadmapId, 1)).changes).toBeNull();
  });

  it("stores an optional release note with the published version, trimmed", async () => {
    const { draft } = await publishedWithDraft();
    unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id, releaseNote: "  **New:** a Makefile milestone.\n" })));
    expect(await db.roadmapVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { releaseNote: true } })).toEqual({
      releaseNote: "**New:** a Makefile milestone.",
    });
  });

  it("refuses a release note over 2,000 characters, naming the field, and publishes nothing", async () => {
    const { draft } = await publishedWithDraft();
    const result = await asUser(admin, () => publishVersionAction({ versionId: draft.id, releaseNote: "x".repeat(2_001) }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { releaseNote: ["Keep the release note to 2,000 characters or fewer."] } });
    expect(await db.roadmapVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, releaseNote: true } })).toEqual({
      status: "draft",
      releaseNote: null,
    });
    unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id, releaseNote: "x".repeat(2_000) })));
  });
});

describe("archiving what learners completed", () => {
  it("counts the learners who completed an item at the moment it is asked, leaving out unfinished and removed ones", async () => {
    const { draft, cohort, membership } = await publishedWithDraft();
    const milestone = draft.phases[0]!.milestones[0]!;
    const count = async (kind: "phase" | "milestone" | "project", id: string) => unwrap(await asUser(admin, () => countItemCompletionsAction({ kind, id })));
    expect(await count("milestone", milestone.id)).toEqual({ learners: 0 });

    const others = await Promise.all(["Lou", "Max", "Ria"].map(async (name) => addMember(cohort.id, (await createUser({ name })).id, "learner")));
    await setProgress(membership.id, milestone.key, "approved");
    await setProgress(others[0]!.id, milestone.key, "done");
    await setProgress(others[1]!.id, milestone.key, "submitted");
    await setProgress(others[2]!.id, milestone.key, "done");
    await db.membership.update({ where: { id: others[2]!.id }, data: { removedAt: new Date() } });
    expect(await count("milestone", milestone.id)).toEqual({ learners: 2 });
    expect(await count("phase", draft.phases[0]!.id)).toEqual({ learners: 2 });
    expect(await count("milestone", draft.phases[0]!.milestones[1]!.id)).toEqual({ learners: 0 });
  });

  it("answers an unknown item or a malformed one like a missing one, and changes nothing", async () => {
    expect(await asUser(admin, () => countItemCompletionsAction({ kind: "milestone", id: "01890000-0000-7000-8000-000000000000" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await asUser(admin, () => countItemCompletionsAction({ kind: "lesson", id: "x" }))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });
});
