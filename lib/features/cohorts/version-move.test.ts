// "Assigning the roadmap": moving a cohort to another published version. Progress hangs off milestone
// keys, so the move rewrites one column and nothing else; the preview says what carries over.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { moveCohortVersionAction, previewVersionMoveAction } from "@/lib/features/cohorts/actions";
import { getLearnerMembership } from "@/lib/auth/access";
import { loadCohortSettingsPage } from "@/lib/features/cohorts/loaders";
import { VERSION_CONFLICT_MESSAGE } from "@/lib/features/cohorts/constants";
import type { VersionMovePreview } from "@/lib/features/cohorts/types";
import { dismissVersionBannerAction } from "@/lib/features/progress/actions";
import { getLearnerRoadmap } from "@/lib/features/progress/data";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { addComment, createSubmission, decideSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";
import { roadmapSummary } from "@/lib/features/progress/utils";

let v1: string;
let v2: string;
let draft: string;
let original: RoadmapDocument;
/** Keys by their fate in v1 → v2. */
const key = { renamed: "", dropped: "", submitted: "", added: "drift-drill" };

/** v2 renames the first milestone, drops the second and adds one at the end of phase 1; everything else stays. */
function secondVersion(document: RoadmapDocument): RoadmapDocument {
  const copy = structuredClone(document);
  const phase = copy.phases[0]!;
  phase.milestones[0]!.title = "MLOps principles, revisited";
  const [dropped] = phase.milestones.splice(1, 1);
  phase.milestones.push({ ...dropped!, key: key.added, title: "Drift drill" });
  // Projects may name the dropped milestone; they demonstrate what remains.
  for (const project of copy.projects) project.milestoneKeys = project.milestoneKeys.filter((k) => k !== dropped!.key);
  return copy;
}

beforeAll(async () => {
  original = await readDefaultRoadmap();
  ({ versionId: v1 } = await importDefaultRoadmap());
  key.renamed = original.phases[0]!.milestones[0]!.key;
  key.dropped = original.phases[0]!.milestones[1]!.key;
  key.submitted = original.phases[1]!.milestones[0]!.key;
  ({ versionId: v2 } = await importRoadmapDocument(secondVersion(original)));
  ({ versionId: draft } = await importRoadmapDocument(original, { status: "draft" }));
});

async function world() {
  const cohort = await createCohort({ versionId: v1, name: "Moving Cohort" });
  const other = await createCohort({ versionId: v1, name: "Staying Cohort" });
  const [mentor, learner, classmate, removed, outsider, otherMentor] = await Promise.all([
    createUser({ name: "Mentor" }),
    createUser({ name: "Learner" }),
    createUser({ name: "Classmate" }),
    createUser({ name: "Removed Learner" }),
    createUser({ name: "Outsider" }),
    createUser({ name: "Other Mentor" }),
  ]);
  await addMember(cohort.id, mentor.id, "mentor");
  await addMember(other.id, otherMentor.id, "mentor");
  const membership = await addMember(cohort.id, learner.id, "learner");
  const classmateMembership = await addMember(cohort.id, classmate.id, "learner");
  const removedMembership = await addMember(cohort.id, removed.id, "learner");
  const outsiderMembership = await addMember(other.id, outsider.id, "learner");

  await setProgress(membership.id, key.renamed, "done");
  const first = await createSubmission({ membershipId: membership.id, itemKey: key.dropped, links: [{ url: "https://github.com/l/a/pull/1" }] });
  await decideSubmission({ submissionId: first.id, reviewerId: mentor.id, decision: "request_changes", comment: "Add the rollback path." });
  const second = await createSubmission({ membershipId: membership.id, itemKey: key.dropped, links: [{ url: "https://github.com/l/a/pull/2" }] });
  await decideSubmission({ submissionId: second.id, reviewerId: mentor.id, decision: "approve" });
  await addComment({ membershipId: membership.id, itemKey: key.dropped, authorId: learner.id, body: "Updated." });
  await createSubmission({ membershipId: membership.id, itemKey: key.submitted, links: [{ url: "https://github.com/l/b" }] });
  await setProgress(classmateMembership.id, key.dropped, "in_progress");
  // Neither a removed learner nor another cohort's learner counts in this cohort's preview.
  await setProgress(removedMembership.id, key.dropped, "done");
  await db.membership.update({ where: { id: removedMembership.id }, data: { removedAt: new Date() } });
  await setProgress(outsiderMembership.id, key.dropped, "done");
  return { cohort, other, mentor, learner, otherMentor, membership };
}

async function workSnapshot() {
  return {
    progress: await db.progress.findMany({ orderBy: { id: "asc" } }),
    submissions: await db.submission.findMany({ orderBy: { id: "asc" } }),
    reviews: await db.review.findMany({ orderBy: { id: "asc" } }),
    comments: await db.comment.findMany({ orderBy: { id: "asc" } }),
    memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("the move preview", () => {
  it("lists kept, new and no-longer-in-the-roadmap keys, with the work on the dropped ones", async () => {
    const { cohort, mentor } = await world();
    const result = await asUser(mentor, () => previewVersionMoveAction({ cohortId: cohort.id, versionId: v2 }));
    expect(result.ok).toBe(true);
    const preview = (result as { data: VersionMovePreview }).data;
    expect(preview.from).toMatchObject({ id: v1, number: 1 });
    expect(preview.to).toMatchObject({ id: v2, number: 2, status: "published" });

    const v1Keys = [...original.phases.flatMap((p) => p.milestones.map((m) => m.key)), ...original.projects.map((p) => p.key)];
    expect(preview.kept.map((item) => item.key).sort()).toEqual(v1Keys.filter((k) => k !== key.dropped).sort());
    expect(preview.kept.find((item) => item.key === key.renamed)).toMatchObject({
      title: "MLOps principles, revisited",
      previousTitle: original.phases[0]!.milestones[0]!.title,
      kind: "milestone",
      phaseTitle: original.phases[0]!.title,
    });
    expect(preview.kept.find((item) => item.key === key.submitted)).toMatchObject({ previousTitle: null });
    expect(preview.kept.filter((item) => item.kind === "project")).toHaveLength(original.projects.length);
    expect(preview.added).toEqual([{ key: key.added, title: "Drift drill", kind: "milestone", phaseTitle: original.phases[0]!.title }]);
    expect(preview.dropped).toEqual([
      {
        key: key.dropped,
        title: original.phases[0]!.milestones[1]!.title,
        kind: "milestone",
        phaseTitle: original.phases[0]!.title,
        learners: 2,
        attempts: 2,
      },
    ]);
    // Previewing changes nothing.
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).versionId).toBe(v1);
  });

  it("refuses the current version, a draft, and anyone who does not manage the cohort", async () => {
    const { cohort, mentor, learner, otherMentor } = await world();
    expect(await asUser(mentor, () => previewVersionMoveAction({ cohortId: cohort.id, versionId: v1 }))).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });
    expect(await asUser(mentor, () => previewVersionMoveAction({ cohortId: cohort.id, versionId: draft }))).toMatchObject({
      ok: false,
      fieldErrors: { versionId: ["Pick a published roadmap version."] },
    });
    for (const user of [learner, otherMentor]) {
      expect(await asUser(user, () => previewVersionMoveAction({ cohortId: cohort.id, versionId: v2 }))).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
      });
    }
  });
});

describe("moving a cohort to a new version with progress kept", () => {
  it("keeps every progress row, attempt, decision and comment; kept keys show their status at once", async () => {
    const { cohort, mentor, learner } = await world();
    const membership = (await getLearnerMembership(learner.id, cohort.id))!;
    const before = await getLearnerRoadmap(membership);
    const statusBefore = new Map(before.phases.flatMap((p) => p.milestones.map((m) => [m.key, m])));
    const snapshot = await workSnapshot();

    const moved = await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v1, versionId: v2 }));
    expect(moved).toEqual({ ok: true, data: { versionId: v2, number: 2 } });

    // Nothing deleted, nothing rewritten: the very same rows.
    expect(await workSnapshot()).toEqual(snapshot);
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).versionId).toBe(v2);

    const after = await getLearnerRoadmap((await getLearnerMembership(learner.id, cohort.id))!);
    const statusAfter = new Map(after.phases.flatMap((p) => p.milestones.map((m) => [m.key, m])));
    expect(statusAfter.get(key.renamed)).toMatchObject({ status: "done", title: "MLOps principles, revisited" });
    expect(statusAfter.get(key.submitted)).toMatchObject({ status: "submitted", attempts: 1 });
    expect(statusAfter.get(key.added)).toMatchObject({ status: "not_started", attempts: 0 });
    expect(statusAfter.has(key.dropped)).toBe(false);
    for (const [k, row] of statusAfter) {
      if (statusBefore.has(k)) expect(row.status, k).toBe(statusBefore.get(k)!.status);
    }
    const completed = (roadmap: typeof before) => roadmapSummary(roadmap.phases, roadmap.startDate, roadmap.today).completed;
    expect(completed(after)).toBe(completed(before) - (statusBefore.get(key.dropped)!.status === "approved" ? 1 : 0));
    // The dropped milestone's attempts and thread are still stored against the learner's membership.
    expect(await db.submission.count({ where: { progress: { membershipId: membership.membershipId, itemKey: key.dropped } } })).toBe(2);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "cohort.version_move", targetId: cohort.id } });
    expect(audit).toMatchObject({ actorId: mentor.id, cohortId: cohort.id });
    expect(audit.before).toMatchObject({ versionId: v1, number: 1 });
    expect(audit.after).toMatchObject({ versionId: v2, number: 2 });

    const page = await asUser(mentor, () => loadCohortSettingsPage(mentor, cohort.id));
    expect(page.version).toMatchObject({ id: v2, number: 2 });
  });

  it("moving back to v1 brings the dropped milestone's work straight back", async () => {
    const { cohort, mentor, learner } = await world();
    await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v1, versionId: v2 }));
    await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v2, versionId: v1 }));
    const roadmap = await getLearnerRoadmap((await getLearnerMembership(learner.id, cohort.id))!);
    const dropped = roadmap.phases.flatMap((p) => p.milestones).find((m) => m.key === key.dropped);
    expect(dropped).toMatchObject({ status: "approved", attempts: 2 });
  });

  it("refuses a move made against a stale preview, a draft target, and other cohorts' mentors", async () => {
    const { cohort, mentor, otherMentor, learner } = await world();
    await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v1, versionId: v2 }));
    // A second tab still showing the v1 preview.
    expect(await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v1, versionId: v2 }))).toEqual({
      ok: false,
      code: "CONFLICT",
      error: VERSION_CONFLICT_MESSAGE,
    });
    expect(await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v2, versionId: draft }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    const staleBack = await asUser(mentor, () =>
      moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: draft, versionId: v1 }),
    );
    expect(staleBack).toEqual({ ok: false, code: "CONFLICT", error: VERSION_CONFLICT_MESSAGE });
    for (const user of [otherMentor, learner]) {
      expect(await asUser(user, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v2, versionId: v1 }))).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
      });
    }
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).versionId).toBe(v2);
    expect(await db.auditEvent.count({ where: { action: "cohort.version_move", targetId: cohort.id } })).toBe(1);
  });

  it("lets only one of two simultaneous moves apply", async () => {
    const { cohort, mentor } = await world();
    const results = await Promise.all(
      [0, 1].map(() => asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v1, versionId: v2 }))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count({ where: { action: "cohort.version_move", targetId: cohort.id } })).toBe(1);
  });
});

describe("telling people about a move", () => {
  async function movedWorld(as?: "mentor") {
    const w = await world();
    const admin = await createUser({ name: "Ada Admin", isAdmin: true });
    const classmate = (await db.membership.findFirstOrThrow({ where: { cohortId: w.cohort.id, user: { name: "Classmate" } } })).userId;
    await db.roadmapVersion.update({ where: { id: v2 }, data: { releaseNote: "**Drift drill** is new." } });
    const { result, statements } = await countQueries(() =>
      asUser(as === "mentor" ? w.mentor : admin, () => moveCohortVersionAction({ cohortId: w.cohort.id, fromVersionId: v1, versionId: v2 })),
    );
    expect(result).toMatchObject({ ok: true });
    return { ...w, admin, classmate, statements };
  }

  const sent = (userIds: string[]) =>
    db.notification.findMany({ where: { userId: { in: userIds }, type: "version_move" }, select: { userId: true, title: true, href: true } });

  it("notifies exactly the cohort's active learners and mentors, in one INSERT", async () => {
    const { cohort, other, mentor, learner, classmate, otherMentor, admin, statements } = await movedWorld();
    // Everyone in this world: both cohorts' members (the removed learner and the other cohort's included) and the admin.
    const everyone = await db.membership.findMany({ where: { cohortId: { in: [cohort.id, other.id] } }, select: { userId: true } });
    const notifications = await sent([...everyone.map((row) => row.userId), admin.id]);
    expect(notifications).toHaveLength(3);
    expect(notifications).toEqual(
      expect.arrayContaining([
        { userId: mentor.id, title: "Moving Cohort now follows MLOps Roadmap 2026 v2.", href: `/cohorts/${cohort.id}/settings` },
        { userId: learner.id, title: "Your roadmap was updated to MLOps Roadmap 2026 v2.", href: `/roadmap?cohort=${cohort.id}` },
        { userId: classmate, title: "Your roadmap was updated to MLOps Roadmap 2026 v2.", href: `/roadmap?cohort=${cohort.id}` },
      ]),
    );
    expect(notifications.map((row) => row.userId)).not.toContain(otherMentor.id);
    expect(statements.filter((sql) => /insert into "?notifications"?/i.test(sql))).toHaveLength(1);
  });

  it("leaves out a learner who switched “Roadmap updated” off in Settings", async () => {
    const { cohort, mentor, learner, membership } = await world();
    await db.notificationPreference.create({ data: { userId: learner.id, type: "version_move", inApp: false, email: false } });
    expect(await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v1, versionId: v2 }))).toMatchObject({ ok: true });
    const classmate = await db.membership.findFirstOrThrow({ where: { cohortId: cohort.id, role: "learner", removedAt: null, id: { not: membership.id } } });
    expect((await sent([learner.id, classmate.userId])).map((row) => row.userId)).toEqual([classmate.userId]);
  });

  it("does not notify the mentor who made the move", async () => {
    const { mentor, learner } = await movedWorld("mentor");
    expect((await sent([mentor.id, learner.id])).map((row) => row.userId)).toEqual([learner.id]);
  });

  it("shows learners who joined before the move a banner with the release note and what changed, until each dismisses it", async () => {
    const { cohort, learner, classmate } = await movedWorld();
    const late = await createUser({ name: "Late Joiner" });
    await addMember(cohort.id, late.id, "learner");
    const roadmapOf = async (userId: string) => getLearnerRoadmap((await getLearnerMembership(userId, cohort.id))!);

    const banner = (await roadmapOf(learner.id)).versionBanner;
    expect(banner).toEqual({
      membershipId: (await getLearnerMembership(learner.id, cohort.id))!.membershipId,
      title: "MLOps Roadmap 2026",
      number: 2,
      releaseNote: "**Drift drill** is new.",
      changes: "1 milestone added, 1 removed, 1 renamed",
    });
    expect((await roadmapOf(late.id)).versionBanner).toBeNull();

    // Someone else's membership reads as missing and changes nothing; one's own hides it for oneself only.
    const classmateMembership = (await getLearnerMembership(classmate, cohort.id))!.membershipId;
    expect(await asUser(learner, () => dismissVersionBannerAction({ membershipId: classmateMembership }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await roadmapOf(classmate)).versionBanner).not.toBeNull();
    expect(await asUser(learner, () => dismissVersionBannerAction({ membershipId: banner!.membershipId }))).toEqual({ ok: true, data: undefined });
    expect((await roadmapOf(learner.id)).versionBanner).toBeNull();
    expect((await roadmapOf(classmate)).versionBanner).not.toBeNull();
    expect(await asUser(learner, () => dismissVersionBannerAction({ membershipId: "not-a-uuid" }))).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    // The next move shows it again, to everyone who joined before it.
    const mentor = (await db.membership.findFirstOrThrow({ where: { cohortId: cohort.id, role: "mentor" }, select: { user: true } })).user;
    expect(await asUser(mentor, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: v2, versionId: v1 }))).toMatchObject({ ok: true });
    expect((await roadmapOf(learner.id)).versionBanner).toMatchObject({ number: 1, releaseNote: null, changes: "1 milestone added, 1 removed, 1 renamed" });
    expect((await roadmapOf(late.id)).versionBanner).toMatchObject({ number: 1 });
  });
});
