import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import {
  addCommentAction,
  addPrivateNoteAction,
  deletePrivateNoteAction,
  updatePrivateNoteAction,
  saveSelfAssessmentAction,
  submitEvidenceAction,
  tickMilestoneAction,
  withdrawSubmissionAction,
} from "@/lib/features/progress/actions";
import { loadLearnerItem, loadLearnerRoadmap } from "@/lib/features/progress/loaders";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createSubmission, decideSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

let versionId: string;
let selfCheckKey: string;
let reviewedKey: string;
let evidenceOnlyKey: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const milestones = (await readDefaultRoadmap()).phases.flatMap((phase) => phase.milestones);
  selfCheckKey = milestones.find((m) => !m.reviewRequired && m.evidence !== "required")!.key;
  reviewedKey = milestones.find((m) => m.reviewRequired)!.key;
  evidenceOnlyKey = milestones.find((m) => !m.reviewRequired && m.evidence === "required")!.key;
});

async function world() {
  const cohort = await createCohort({ versionId, name: "Cohort X" });
  const other = await createCohort({ versionId, name: "Cohort Y" });
  const [learner, classmate, outsider, mentor] = [await createUser(), await createUser(), await createUser(), await createUser()];
  const membership = await addMember(cohort.id, learner.id, "learner");
  const classmateMembership = await addMember(cohort.id, classmate.id, "learner");
  await addMember(other.id, outsider.id, "learner");
  await addMember(cohort.id, mentor.id, "mentor");
  return { cohort, other, learner, classmate, outsider, mentor, membership, classmateMembership };
}

const tick = (user: User, input: object) => asUser(user, () => tickMilestoneAction(input));
const submit = (user: User, input: object) => asUser(user, () => submitEvidenceAction(input));
const goodLinks = [{ url: "https://github.com/learner/pipeline/pull/3", label: "PR" }];

describe("ticking milestones", () => {
  it("starts, marks done and un-ticks a self-check milestone", async () => {
    const { cohort, learner } = await world();
    expect(await tick(learner, { cohortId: cohort.id, itemKey: selfCheckKey, event: "complete" })).toEqual({
      ok: true,
      data: { status: "done" },
    });
    expect(await tick(learner, { cohortId: cohort.id, itemKey: selfCheckKey, event: "reopen" })).toMatchObject({
      data: { status: "not_started" },
    });
    await tick(learner, { cohortId: cohort.id, itemKey: selfCheckKey, event: "start" });
    await tick(learner, { cohortId: cohort.id, itemKey: selfCheckKey, event: "complete" });
    expect(await tick(learner, { cohortId: cohort.id, itemKey: selfCheckKey, event: "reopen" })).toMatchObject({
      data: { status: "in_progress" },
    });
  });

  it("refuses to tick a milestone that needs review, with the reason, and changes nothing", async () => {
    const { cohort, learner, membership } = await world();
    const result = await tick(learner, { cohortId: cohort.id, itemKey: reviewedKey, event: "complete" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_STATE", error: expect.stringContaining("submit evidence") });
    expect(await db.progress.count({ where: { membershipId: membership.id } })).toBe(0);
  });

  it("answers another cohort's id like a missing milestone (docs/security.md #2) and rejects extra fields (#7)", async () => {
    const { other, learner, outsider, cohort } = await world();
    const foreign = await tick(learner, { cohortId: other.id, itemKey: selfCheckKey, event: "complete" });
    const random = await tick(learner, { cohortId: crypto.randomUUID(), itemKey: selfCheckKey, event: "complete" });
    expect(foreign).toEqual(random);
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const extra = await tick(learner, { cohortId: cohort.id, itemKey: selfCheckKey, event: "complete", status: "approved" });
    expect(extra).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.progress.count({ where: { membership: { userId: { in: [learner.id, outsider.id] } } } })).toBe(0);
  });

  it("costs at most 6 statements including the session, the same in a small and a large cohort", async () => {
    const small = await world();
    const large = await world();
    for (let i = 0; i < 25; i += 1) await addMember(large.cohort.id, (await createUser()).id, "learner");
    const a = await countQueries(() => tick(small.learner, { cohortId: small.cohort.id, itemKey: selfCheckKey, event: "complete" }));
    const b = await countQueries(() => tick(large.learner, { cohortId: large.cohort.id, itemKey: selfCheckKey, event: "complete" }));
    expect(a.result.ok && b.result.ok).toBe(true);
    expect(b.count).toBe(a.count);
    expect(a.count).toBeLessThanOrEqual(6);
  });
});

describe("submitting evidence", () => {
  it("costs at most 6 statements, session check included, the same for a first and a later attempt", async () => {
    const { cohort, learner, mentor } = await world();
    const first = await countQueries(() => submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "" }));
    expect(first.result).toMatchObject({ ok: true, data: { attempt: 1, status: "submitted" } });
    expect(await db.notification.count({ where: { userId: mentor.id, type: "submission" } })).toBe(1);
    await decideSubmission({ submissionId: first.result.ok ? first.result.data.submissionId : "", reviewerId: mentor.id, decision: "request_changes" });
    const again = await countQueries(() =>
      submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "Fixed.", idempotencyKey: crypto.randomUUID() }),
    );
    expect(again.result).toMatchObject({ ok: true, data: { attempt: 2, status: "submitted" } });
    expect(first.count).toBeLessThanOrEqual(6);
    expect(again.count).toBe(first.count);
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["javascript://x/%0aalert(1)"],
    [" javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["file:///etc/passwd"],
    ["github.com/no-scheme"],
  ])("rejects %s next to the field and saves nothing", async (url) => {
    const { cohort, learner, membership } = await world();
    const result = await submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: [{ url }], note: "" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { "links.0.url": ["Use a full http:// or https:// address."] } });
    expect(await db.submission.count({ where: { progress: { membershipId: membership.id } } })).toBe(0);
  });

  it("keeps every attempt: submit, withdraw, resubmit, with kinds detected from the URL", async () => {
    const { cohort, learner } = await world();
    const first = await submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "See the **PR**." });
    expect(first).toMatchObject({ ok: true, data: { attempt: 1, status: "submitted", alreadyPending: false } });
    const submissionId = first.ok ? first.data.submissionId : "";
    const withdrawn = await asUser(learner, () => withdrawSubmissionAction({ cohortId: cohort.id, submissionId }));
    expect(withdrawn).toEqual({ ok: true, data: { status: "in_progress" } });
    const second = await submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "" });
    expect(second).toMatchObject({ ok: true, data: { attempt: 2, status: "submitted" } });
    const attempts = await db.submission.findMany({
      where: { progress: { membership: { userId: learner.id } } },
      orderBy: { attempt: "asc" },
      include: { links: true },
    });
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, "withdrawn"],
      [2, "pending"],
    ]);
    expect(attempts[0]!.links[0]).toMatchObject({ kind: "github_pull_request", label: "PR" });
  });

  it("records evidence on a milestone without review and marks it done", async () => {
    const { cohort, learner } = await world();
    const result = await submit(learner, { cohortId: cohort.id, itemKey: evidenceOnlyKey, links: goodLinks, note: "" });
    expect(result).toMatchObject({ ok: true, data: { status: "done" } });
    const submission = await db.submission.findFirstOrThrow({ where: { progress: { membership: { userId: learner.id } } } });
    expect(submission.status).toBe("recorded");
  });

  it("turns ten concurrent submits into one pending attempt, returned to every caller (docs/security.md #23)", async () => {
    const { cohort, learner } = await world();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "" })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const ids = new Set(results.map((result) => (result.ok ? result.data.submissionId : "")));
    expect(ids.size).toBe(1);
    expect(await db.submission.count({ where: { progress: { membership: { userId: learner.id } } } })).toBe(1);
  });

  it("creates one attempt for the same idempotency key, even after the first was withdrawn (docs/security.md #24)", async () => {
    const { cohort, learner } = await world();
    const idempotencyKey = crypto.randomUUID();
    const input = { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "", idempotencyKey };
    const [a, b] = await Promise.all([submit(learner, input), submit(learner, input)]);
    expect(a.ok && b.ok && a.data.submissionId === b.data.submissionId).toBe(true);
    expect(await db.submission.count({ where: { progress: { membership: { userId: learner.id } } } })).toBe(1);
    const reused = await submit(learner, { ...input, note: "different" });
    expect(reused).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("answers one idempotency key sent at once for two milestones with one attempt and a conflict (docs/security.md #24, #39)", async () => {
    const { cohort, learner } = await world();
    const otherReviewedKey = (await readDefaultRoadmap()).phases
      .flatMap((phase) => phase.milestones)
      .find((m) => m.reviewRequired && m.key !== reviewedKey)!.key;
    const idempotencyKey = crypto.randomUUID();
    const results = await Promise.all(
      [reviewedKey, otherReviewedKey].map((itemKey) =>
        submit(learner, { cohortId: cohort.id, itemKey, links: goodLinks, note: "", idempotencyKey }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({
      ok: false,
      code: "CONFLICT",
      error: "This idempotency key was already used for a different submission.",
    });
    expect(await db.submission.count({ where: { progress: { membership: { userId: learner.id } } } })).toBe(1);
    expect(await db.idempotencyKey.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("cannot withdraw an attempt a mentor already decided, nor someone else's", async () => {
    const { cohort, learner, classmate, mentor, membership } = await world();
    const attempt = await createSubmission({ membershipId: membership.id, itemKey: reviewedKey, links: goodLinks });
    const foreign = await asUser(classmate, () => withdrawSubmissionAction({ cohortId: cohort.id, submissionId: attempt.id }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await decideSubmission({ submissionId: attempt.id, reviewerId: mentor.id, decision: "approve" });
    const late = await asUser(learner, () => withdrawSubmissionAction({ cohortId: cohort.id, submissionId: attempt.id }));
    expect(late).toMatchObject({ ok: false, code: "INVALID_STATE", error: "This attempt is no longer waiting for review." });
  });

  it("rejects extra fields such as status or learnerId (docs/security.md #7)", async () => {
    const { cohort, learner } = await world();
    for (const extra of [{ status: "approved" }, { learnerId: learner.id }, { reviewerId: learner.id }, { createdAt: "2020-01-01" }]) {
      const result = await submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "", ...extra });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
  });
});

describe("the milestone page", () => {
  it("shows the learner only their own attempts, notes and thread, with no emails or hashes (docs/security.md #1, #8)", async () => {
    const { cohort, learner, classmate, mentor, classmateMembership } = await world();
    await createSubmission({ membershipId: classmateMembership.id, itemKey: reviewedKey, links: [{ url: "https://example.com/secret" }] });
    await asUser(classmate, () => addPrivateNoteAction({ cohortId: cohort.id, itemKey: reviewedKey, body: "classmate secret" }));
    await asUser(learner, () => addCommentAction({ cohortId: cohort.id, itemKey: reviewedKey, body: "Question?" }));
    const viewer = { id: learner.id, email: learner.email, name: learner.name, isAdmin: false };
    const item = await loadLearnerItem(viewer, reviewedKey);
    expect(item.attempts).toEqual([]);
    expect(item.notes).toEqual([]);
    expect(item.thread.map((c) => c.body)).toEqual(["Question?"]);
    const payload = JSON.stringify(item);
    for (const secret of [classmate.email, mentor.email, learner.email, "$argon2", "classmate secret", "example.com/secret"]) {
      expect(payload).not.toContain(secret);
    }
  });

  it("costs at most 5 statements, the same for a small and a large cohort", async () => {
    const small = await world();
    const large = await world();
    for (let i = 0; i < 25; i += 1) {
      const user = await createUser();
      const member = await addMember(large.cohort.id, user.id, "learner");
      await createSubmission({ membershipId: member.id, itemKey: reviewedKey, links: goodLinks });
    }
    const viewerOf = (u: User) => ({ id: u.id, email: u.email, name: u.name, isAdmin: false });
    const a = await countQueries(() => loadLearnerItem(viewerOf(small.learner), reviewedKey));
    const b = await countQueries(() => loadLearnerItem(viewerOf(large.learner), reviewedKey));
    expect(b.count).toBe(a.count);
    expect(a.count).toBeLessThanOrEqual(5);
    const c = await countQueries(() => loadLearnerRoadmap(viewerOf(small.learner)));
    const d = await countQueries(() => loadLearnerRoadmap(viewerOf(large.learner)));
    expect(d.count).toBe(c.count);
    expect(c.count).toBeLessThanOrEqual(4);
  });

  it("lets a learner delete only their own private notes", async () => {
    const { cohort, learner, classmate } = await world();
    const added = await asUser(learner, () => addPrivateNoteAction({ cohortId: cohort.id, itemKey: reviewedKey, body: "mine" }));
    const noteId = added.ok ? added.data.id : "";
    const foreign = await asUser(classmate, () => deletePrivateNoteAction({ cohortId: cohort.id, noteId }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.privateNote.count({ where: { id: noteId } })).toBe(1);
  });

  it("lets a learner edit only their own private notes", async () => {
    const { cohort, learner, classmate } = await world();
    const added = await asUser(learner, () => addPrivateNoteAction({ cohortId: cohort.id, itemKey: reviewedKey, body: "first draft" }));
    const noteId = added.ok ? added.data.id : "";
    const foreign = await asUser(classmate, () => updatePrivateNoteAction({ cohortId: cohort.id, noteId, body: "overwritten" }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.privateNote.findUniqueOrThrow({ where: { id: noteId } })).body).toBe("first draft");
    const own = await asUser(learner, () => updatePrivateNoteAction({ cohortId: cohort.id, noteId, body: "second draft" }));
    expect(own).toMatchObject({ ok: true });
    expect((await db.privateNote.findUniqueOrThrow({ where: { id: noteId } })).body).toBe("second draft");
  });
});

describe("telling the mentors", () => {
  it("notifies every active mentor of the cohort about a submission and a message, in the same transaction", async () => {
    const { cohort, learner, mentor } = await world();
    await submit(learner, { cohortId: cohort.id, itemKey: reviewedKey, links: goodLinks, note: "" });
    await asUser(learner, () => addCommentAction({ cohortId: cohort.id, itemKey: reviewedKey, body: "Any hints?" }));
    const notes = await db.notification.findMany({ where: { userId: mentor.id }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => [n.type, n.href])).toEqual([
      ["submission", "/reviews"],
      ["comment", "/reviews"],
    ]);
    expect(notes[0]!.title).toContain(learner.name);
    expect(await db.notification.count({ where: { userId: learner.id } })).toBe(0);
  });
});

describe("success criteria", () => {
  it("saves a self-assessment, shows it on the roadmap, and clears a mentor's sign-off when it changes", async () => {
    const { cohort, learner, mentor, membership, other } = await world();
    const criterionKey = (await readDefaultRoadmap()).criteria[0]!.key;
    const save = (input: object) => asUser(learner, () => saveSelfAssessmentAction({ cohortId: cohort.id, criterionKey, ...input }));
    expect(await save({ level: "partly", justification: "" })).toMatchObject({
      ok: false,
      fieldErrors: { justification: ["Say in a sentence or two why."] },
    });
    expect(await save({ level: "partly", justification: "Reproduced one run from scratch." })).toEqual({ ok: true, data: undefined });
    await db.criterionAssessment.updateMany({ where: { membershipId: membership.id }, data: { signedOffById: mentor.id, signedOffAt: new Date() } });
    const viewer = { id: learner.id, email: learner.email, name: learner.name, isAdmin: false };
    expect((await loadLearnerRoadmap(viewer)).criteria[0]).toMatchObject({ level: "partly", signedOffBy: mentor.name });
    await save({ level: "partly", justification: "Reproduced one run from scratch." });
    expect((await db.criterionAssessment.findFirstOrThrow({ where: { membershipId: membership.id } })).signedOffById).toBe(mentor.id);
    await save({ level: "confident", justification: "Reproduced three runs from scratch." });
    expect((await db.criterionAssessment.findFirstOrThrow({ where: { membershipId: membership.id } })).signedOffById).toBeNull();
    const foreign = await asUser(learner, () =>
      saveSelfAssessmentAction({ cohortId: other.id, criterionKey, level: "confident", justification: "x" }),
    );
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const unknown = await save({ criterionKey: "no-such-criterion", level: "confident", justification: "x" });
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
