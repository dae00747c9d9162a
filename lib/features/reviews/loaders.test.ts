import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { loadReviewQueue, loadReviewScreen } from "@/lib/features/reviews/loaders";
import { QUEUE_PAGE_SIZE } from "@/lib/features/reviews/constants";
import { formatClock } from "@/lib/calendar-zones";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { addComment, createSubmission, decideSubmission } from "@/prisma/factories/progress";
import { createWaitingAttempts } from "@/prisma/factories/reviews";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";

const HOUR_MS = 3600 * 1000;
const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;

let versionId: string;
let reviewed: { key: string; title: string; doneWhen: string[] }[];
let phaseOf: Map<string, { key: string; title: string }>;
let project: { key: string; title: string };

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const document = await readDefaultRoadmap();
  reviewed = document.phases.flatMap((phase) => phase.milestones).filter((m) => m.reviewRequired);
  phaseOf = new Map(document.phases.flatMap((phase) => phase.milestones.map((m) => [m.key, { key: phase.key, title: phase.title }] as const)));
  project = document.projects[0]!;
});

const viewerOf = (user: { id: string; email: string; name: string; isAdmin: boolean }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
});
const LINKS = [{ url: "https://github.com/learner/pipeline/pull/3", kind: "github_pull_request" as const }];
const ago = (hours: number) => new Date(Date.now() - hours * HOUR_MS);

async function world() {
  const w = await createWorld({
    versionId,
    names: { mentorX: "Morgan X", mentorY: "Yara Y", learnerX1: "Amara Okafor", learnerX2: "Bruno Costa", learnerY1: "Yuki Y", dual: "Dual Person" },
    extra: { mentorX2: { in: "x", as: "mentor", name: "Noor X" } },
  });
  const { learnerX1: amara, learnerX2: bruno, learnerY1: yuki } = w;
  const { x1: amaraIn, x2: brunoIn, y1: yukiIn, dualY: dualIn } = w.memberships;
  // In X: Amara's first milestone waits 100 h (overdue against 72 h), Bruno's project 5 h, Amara's second 1 h.
  const amaraOld = await createSubmission({ membershipId: amaraIn.id, itemKey: reviewed[0]!.key, links: LINKS, at: ago(100) });
  const brunoProject = await createSubmission({ membershipId: brunoIn.id, itemKey: project.key, links: LINKS, at: ago(5) });
  const amaraNew = await createSubmission({ membershipId: amaraIn.id, itemKey: reviewed[1]!.key, links: LINKS, at: ago(1) });
  // In Y: Yuki's and dual's own.
  const yukiAttempt = await createSubmission({ membershipId: yukiIn.id, itemKey: reviewed[0]!.key, links: LINKS, at: ago(3) });
  const dualOwn = await createSubmission({ membershipId: dualIn.id, itemKey: reviewed[0]!.key, links: LINKS, at: ago(2) });
  return { ...w, amara, bruno, yuki, amaraIn, brunoIn, amaraOld, brunoProject, amaraNew, yukiAttempt, dualOwn };
}

describe("review queue", () => {
  it("lists the attempts waiting in the viewer's cohorts, oldest first, with what a mentor needs per row", async () => {
    const w = await world();
    const queue = await loadReviewQueue(viewerOf(w.mentorX));
    expect(queue.rows.map((row) => row.submissionId)).toEqual([w.amaraOld.id, w.brunoProject.id, w.amaraNew.id]);
    expect(queue.rows[0]).toMatchObject({
      learnerName: "Amara Okafor",
      title: reviewed[0]!.title,
      kind: "milestone",
      phaseTitle: phaseOf.get(reviewed[0]!.key)!.title,
      attempt: 1,
      cohortName: "Cohort X",
      reviewTargetHours: 72,
      claim: null,
    });
    expect(queue.rows[1]).toMatchObject({ learnerName: "Bruno Costa", title: project.title, kind: "project", phaseTitle: null });
    expect(queue.cohorts).toEqual([expect.objectContaining({ id: w.x.id, waiting: 3, overdue: 1, reviewedThisWeek: 0 })]);
    expect(queue).toMatchObject({ scope: "mentor", matching: 3, waiting: 3 });
    // Nothing from cohort Y, where mentorX has no role.
    expect(JSON.stringify(queue)).not.toContain(w.yukiAttempt.id);
  });

  it("never shows a mentor who learns elsewhere their own attempts, nor an admin who learns (docs/security.md #4)", async () => {
    const w = await world();
    const asDual = await loadReviewQueue(viewerOf(w.dual));
    expect(asDual.rows.map((row) => row.submissionId)).not.toContain(w.dualOwn.id);
    const asAdmin = await loadReviewQueue(viewerOf(w.admin));
    expect(asAdmin.scope).toBe("admin");
    expect(asAdmin.rows.map((row) => row.submissionId)).toEqual(
      expect.arrayContaining([w.amaraOld.id, w.yukiAttempt.id, w.dualOwn.id]),
    );
    await addMember(w.y.id, w.admin.id, "learner");
    const adminsOwn = await createSubmission({
      membershipId: (await db.membership.findFirstOrThrow({ where: { userId: w.admin.id } })).id,
      itemKey: reviewed[1]!.key,
      links: LINKS,
    });
    const again = await loadReviewQueue(viewerOf(w.admin));
    expect(again.rows.map((row) => row.submissionId)).not.toContain(adminsOwn.id);
  });

  it("shows who holds an unexpired claim, and nothing for an expired one", async () => {
    const w = await world();
    const until = new Date(Date.now() + 20 * 60_000);
    await db.submission.update({ where: { id: w.amaraOld.id }, data: { claimedById: w.mentorX2.id, claimedUntil: until } });
    await db.submission.update({ where: { id: w.brunoProject.id }, data: { claimedById: w.mentorX.id, claimedUntil: new Date(Date.now() + 60_000) } });
    await db.submission.update({ where: { id: w.amaraNew.id }, data: { claimedById: w.mentorX2.id, claimedUntil: new Date(Date.now() - 60_000) } });
    const queue = await loadReviewQueue(viewerOf(w.mentorX));
    expect(queue.rows.map((row) => row.claim)).toEqual([
      // The time comes formatted on the cohort's clock, so the claim button ships no date code.
      expect.objectContaining({ byViewer: false, name: "Noor X", untilClock: formatClock(until, queue.rows[0]!.timezone) }),
      expect.objectContaining({ byViewer: true, name: "Morgan X" }),
      null,
    ]);
  });

  it("filters by cohort, phase and learner, and keeps the counts per cohort", async () => {
    const w = await world();
    // Admins see every cohort of this file's database; a mentor of both X and Y sees exactly this world.
    await addMember(w.y.id, w.mentorX2.id, "mentor");
    const both = viewerOf(w.mentorX2);
    const phase = phaseOf.get(reviewed[0]!.key)!;
    const byPhase = await loadReviewQueue(both, undefined, phase.key);
    const samePhase = phaseOf.get(reviewed[1]!.key)!.key === phase.key ? [w.amaraNew.id] : [];
    expect(byPhase.rows.map((row) => row.submissionId).sort()).toEqual([w.amaraOld.id, w.yukiAttempt.id, w.dualOwn.id, ...samePhase].sort());
    const projects = await loadReviewQueue(both, undefined, "projects");
    expect(projects.rows.map((row) => row.submissionId)).toEqual([w.brunoProject.id]);
    const byLearner = await loadReviewQueue(both, undefined, undefined, "bRUNO");
    expect(byLearner.rows.map((row) => row.submissionId)).toEqual([w.brunoProject.id]);
    const wildcard = await loadReviewQueue(both, undefined, undefined, "%");
    expect(wildcard.rows).toEqual([]);
    const byCohort = await loadReviewQueue(both, w.y.id);
    expect(byCohort.rows.map((row) => row.submissionId)).toEqual([w.yukiAttempt.id, w.dualOwn.id]);
    expect(byCohort).toMatchObject({ matching: 2, waiting: 5 });
    expect(byCohort.cohorts.map((cohort) => [cohort.name, cohort.waiting])).toEqual(
      expect.arrayContaining([["Cohort X", 3], ["Cohort Y", 2]]),
    );
  });

  it("answers a cohort filter outside the viewer's scope (or malformed) like a missing page", async () => {
    const w = await world();
    await expect(loadReviewQueue(viewerOf(w.mentorX), w.y.id)).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewQueue(viewerOf(w.mentorX), crypto.randomUUID())).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewQueue(viewerOf(w.mentorX), "nope")).rejects.toThrow(NOT_FOUND);
  });

  it("is a 404 for someone who mentors nothing, and refuses a removed mentor on the next request (docs/security.md #5)", async () => {
    const w = await world();
    await expect(loadReviewQueue(viewerOf(w.amara))).rejects.toThrow(NOT_FOUND);
    await db.membership.updateMany({ where: { userId: w.mentorY.id }, data: { removedAt: new Date() } });
    await expect(loadReviewQueue(viewerOf(w.mentorY))).rejects.toThrow(NOT_FOUND);
  });

  it("counts what was reviewed this week for the empty queue", async () => {
    const w = await world();
    for (const attempt of [w.yukiAttempt, w.dualOwn]) {
      await decideSubmission({ submissionId: attempt.id, reviewerId: w.mentorY.id, decision: "approve" });
    }
    const old = await createSubmission({ membershipId: (await db.membership.findFirstOrThrow({ where: { userId: w.yuki.id } })).id, itemKey: reviewed[2]!.key, links: LINKS, at: ago(24 * 20) });
    await decideSubmission({ submissionId: old.id, reviewerId: w.mentorY.id, decision: "approve", at: ago(24 * 10) });
    const queue = await loadReviewQueue(viewerOf(w.mentorY));
    expect(queue).toMatchObject({ rows: [], matching: 0, waiting: 0, reviewedThisWeek: 2 });
  });

  it("costs at most 5 statements, the same with 20 and with 500 waiting learners", async () => {
    const counts: number[] = [];
    for (const size of [20, 500]) {
      const cohort = await createCohort({ versionId, name: `Queue of ${size}` });
      const mentor = await createUser({ name: `Mentor of ${size}` });
      await addMember(cohort.id, mentor.id, "mentor");
      await createWaitingAttempts({ cohortId: cohort.id, count: size, itemKey: reviewed[0]!.key });
      const { result, count } = await countQueries(() => loadReviewQueue(viewerOf(mentor)));
      expect(result.matching).toBe(size);
      expect(result.rows).toHaveLength(Math.min(size, QUEUE_PAGE_SIZE));
      expect(result.cohorts[0]).toMatchObject({ waiting: size });
      counts.push(count);
    }
    expect(counts[1]).toBe(counts[0]);
    // The fifth lists the replaced evidence links waiting for re-approval (decision 063).
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});

describe("review screen", () => {
  it("shows the brief, this attempt, earlier attempts with their decisions, and the thread", async () => {
    const w = await world();
    await decideSubmission({ submissionId: w.amaraNew.id, reviewerId: w.mentorX.id, decision: "request_changes", comment: "Add a failure test." });
    const resubmitted = await createSubmission({ membershipId: w.amaraIn.id, itemKey: reviewed[1]!.key, links: LINKS, note: "Now with the **test**." });
    await addComment({ membershipId: w.amaraIn.id, itemKey: reviewed[1]!.key, authorId: w.amara.id, body: "Mock or folder?" });
    await addComment({ membershipId: w.amaraIn.id, itemKey: reviewed[1]!.key, authorId: w.mentorX.id, body: "Folder." });
    const screen = await loadReviewScreen(viewerOf(w.mentorX2), resubmitted.id);
    expect(screen).toMatchObject({
      learnerName: "Amara Okafor",
      title: reviewed[1]!.title,
      doneWhen: reviewed[1]!.doneWhen,
      progressStatus: "submitted",
      status: "pending",
      attempt: { attempt: 2, note: "Now with the **test**.", links: [expect.objectContaining({ kind: "github_pull_request" })] },
      earlier: [{ attempt: 1, decision: { decision: "request_changes", comment: "Add a failure test.", reviewerName: "Morgan X" } }],
      thread: [
        { body: "Mock or folder?", authorName: "Amara Okafor", byLearner: true },
        { body: "Folder.", authorName: "Morgan X", byLearner: false },
      ],
      claim: null,
    });
    const payload = JSON.stringify(screen);
    for (const secret of [w.amara.email, w.mentorX.email, "$argon2"]) expect(payload).not.toContain(secret);
  });

  it("leads `n` to the next attempt in queue order, wrapping round and skipping others' claims", async () => {
    const w = await world();
    const viewer = viewerOf(w.mentorX);
    expect((await loadReviewScreen(viewer, w.amaraOld.id)).nextHref).toBe(`/reviews/${w.brunoProject.id}`);
    expect((await loadReviewScreen(viewer, w.amaraNew.id)).nextHref).toBe(`/reviews/${w.amaraOld.id}`);
    await db.submission.update({ where: { id: w.brunoProject.id }, data: { claimedById: w.mentorX2.id, claimedUntil: new Date(Date.now() + 60_000) } });
    expect((await loadReviewScreen(viewer, w.amaraOld.id)).nextHref).toBe(`/reviews/${w.amaraNew.id}`);
    // Filters carry over: only Bruno's → nothing else waits, back to the filtered queue.
    const filtered = await loadReviewScreen(viewer, w.amaraOld.id, w.x.id, undefined, "amara");
    expect(filtered.nextHref).toBe(`/reviews/${w.amaraNew.id}?cohort=${w.x.id}&learner=amara`);
    const alone = await loadReviewScreen(viewer, w.amaraOld.id, undefined, "projects");
    expect(alone).toMatchObject({ nextHref: "/reviews?phase=projects", queueHref: "/reviews?phase=projects" });
  });

  it("answers another cohort's mentor, a learner, a random or malformed id and one's own attempt with the same 404 (docs/security.md #3, #4)", async () => {
    const w = await world();
    await expect(loadReviewScreen(viewerOf(w.mentorY), w.amaraOld.id)).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewScreen(viewerOf(w.mentorY), w.amaraOld.id, w.y.id)).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewScreen(viewerOf(w.mentorX), w.amaraOld.id, w.y.id)).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewScreen(viewerOf(w.bruno), w.amaraOld.id)).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewScreen(viewerOf(w.mentorX), crypto.randomUUID())).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewScreen(viewerOf(w.mentorX), "1234")).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewScreen(viewerOf(w.dual), w.dualOwn.id)).rejects.toThrow(NOT_FOUND);
    await expect(loadReviewScreen(viewerOf(w.admin), w.dualOwn.id)).resolves.toMatchObject({ learnerName: "Dual Person" });
  });

  it("costs the same number of statements for a small and a large queue", async () => {
    const w = await world();
    const small = await countQueries(() => loadReviewScreen(viewerOf(w.mentorX), w.amaraOld.id));
    await createWaitingAttempts({ cohortId: w.x.id, count: 200, itemKey: reviewed[3]!.key });
    const large = await countQueries(() => loadReviewScreen(viewerOf(w.mentorX), w.amaraOld.id));
    expect(large.count).toBe(small.count);
    // The scope (the attempt, the viewer's access to its cohort), then five at once: the progress with its attempts,
    // the item, the thread, the next attempt and the viewer's saved replies (which added the seventh).
    expect(small.count).toBe(7);
  });
});
