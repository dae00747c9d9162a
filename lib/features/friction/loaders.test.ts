// Friction per milestone against a real database on a fixed clock: every figure on a small hand-built cohort,
// the sorts, who may see what (the same 404 as an unknown id), the CSV, the statement counts, and the roadmap
// export's "Friction" note.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoadmap } from "@/app/(app)/admin/roadmaps/[roadmapId]/export/route";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { FRICTION_CSV_HEADER } from "@/lib/features/friction/constants";
import {
  loadCohortFriction,
  loadCohortFrictionCsv,
  loadRoadmapExportWithFriction,
  loadVersionFriction,
  loadVersionFrictionCsv,
} from "@/lib/features/friction/loaders";
import type { FrictionRow, FrictionSort } from "@/lib/features/friction/types";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import type { Decision, ProgressStatus, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { createBulkLearners } from "@/prisma/factories/cohort-progress";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { importDefaultRoadmap, listMilestonesInOrder, roadmapMilestone } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld, type ExtraMember, type World } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;
// Wednesday 10 March 2027, 12:00 UTC; the cohorts run on Los Angeles time (04:00, still the 10th). Their learners
// are stalled after 7 days without activity (the cohorts' default).
const NOW = new Date("2027-03-10T12:00:00Z");
const ZONE = "America/Los_Angeles";
const START = new Date("2027-01-04");

const viewerOf = (user: { id: string; email: string; name: string; isAdmin: boolean }): Viewer => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
});
/** "2027-02-01" is 18:00 UTC that day; a full instant is taken as it is. */
const at = (when: string) => new Date(when.length === 10 ? `${when}T18:00:00Z` : when);

let roadmapId: string;
let versionId: string;
let world: World<{ cy: ExtraMember; gone: ExtraMember; off: ExtraMember }>;
let archivedLearner: { membershipId: string };

async function progress(membershipId: string, itemKey: string, status: ProgressStatus, startedAt: string, completedAt?: string) {
  return db.progress.create({
    data: { membershipId, itemKey, status, startedAt: at(startedAt), completedAt: completedAt ? at(completedAt) : null },
  });
}

async function attempt(
  progressId: string,
  number: number,
  status: SubmissionStatus,
  createdAt: string,
  review?: { decision: Decision; at: string },
) {
  const submission = await db.submission.create({
    data: { progressId, attempt: number, status, createdAt: at(createdAt), withdrawnAt: status === "withdrawn" ? at(createdAt) : null },
  });
  if (review) {
    await db.review.create({
      data: { submissionId: submission.id, reviewerId: world.mentorX.id, decision: review.decision, createdAt: at(review.at) },
    });
  }
}

async function comment(membershipId: string, itemKey: string, authorId: string, when: string, deleted = false) {
  await db.comment.create({
    data: { membershipId, itemKey, authorId, body: "Private words nobody's figures show", createdAt: at(when), deletedAt: deleted ? at(when) : null },
  });
}

beforeAll(async () => {
  ({ roadmapId, versionId } = await importRoadmapDocument({
    title: "Friction check",
    slug: "friction-check",
    summary: "A roadmap small enough to count by hand.",
    phases: [
      {
        key: "foundations",
        title: "Foundations",
        description: "",
        milestones: [
          roadmapMilestone("reviewed-thing", { title: "Reviewed | thing", evidence: "required", reviewRequired: true }),
          roadmapMilestone("plain-thing", { title: "Plain thing" }),
          roadmapMilestone("untouched-thing", { title: "Untouched thing" }),
        ],
      },
      {
        key: "shipping",
        title: "Shipping",
        description: "",
        milestones: [roadmapMilestone("ship-it", { title: "Ship it", evidence: "required", reviewRequired: true })],
      },
    ],
    projects: [
      {
        key: "capstone",
        title: "Capstone",
        description: "",
        doneWhen: [],
        evidence: "required",
        reviewRequired: true,
        milestoneKeys: ["reviewed-thing"],
      },
    ],
    weeklyRule: ["1 day: learn"],
    criteria: [],
    notes: [{ title: "How to use this roadmap", body: "Start at the top." }],
  }));
  world = await createWorld({
    versionId,
    cohorts: { startDate: START, timezone: ZONE },
    names: { learnerX1: "Ana", learnerX2: "Ben", learnerY1: "Xena" },
    extra: {
      cy: { in: "x", as: "learner", name: "Cy" },
      gone: { in: "x", as: "learner", name: "Removed Learner", removedAt: new Date("2027-02-20T00:00:00Z") },
      off: { in: "x", as: "learner", name: "Deactivated Learner" },
    },
  });
  await db.user.update({ where: { id: world.off.id }, data: { deactivatedAt: new Date("2027-02-20T00:00:00Z") } });
  const { x1: ana, x2: ben, cy, gone, off, y1: xena } = world.memberships;

  // 1.1 "Reviewed | thing": Ana needed two attempts (12 h and 24 h waits) and took 5 days; Ben withdrew his first
  // attempt (not counted), was approved after a 60 h wait and took 4.5 days; Cy was asked for changes (24 h) on
  // 8 February and has done nothing there since: stalled.
  const anaA = await progress(ana.id, "reviewed-thing", "approved", "2027-02-01", "2027-02-06");
  await attempt(anaA.id, 1, "changes_requested", "2027-02-03", { decision: "request_changes", at: "2027-02-04T06:00:00Z" });
  await attempt(anaA.id, 2, "approved", "2027-02-05", { decision: "approve", at: "2027-02-06" });
  const benA = await progress(ben.id, "reviewed-thing", "approved", "2027-02-02", "2027-02-07T06:00:00Z");
  await attempt(benA.id, 1, "withdrawn", "2027-02-03");
  await attempt(benA.id, 2, "approved", "2027-02-04", { decision: "approve", at: "2027-02-07T06:00:00Z" });
  const cyA = await progress(cy.id, "reviewed-thing", "changes_requested", "2027-02-01");
  await attempt(cyA.id, 1, "changes_requested", "2027-02-08", { decision: "request_changes", at: "2027-02-09" });

  // 1.2 "Plain thing": Ana done in 10 days; Ben started a month ago (stalled); Cy started two days ago.
  await progress(ana.id, "plain-thing", "done", "2027-02-08", "2027-02-18");
  await progress(ben.id, "plain-thing", "in_progress", "2027-02-10");
  await progress(cy.id, "plain-thing", "in_progress", "2027-03-08");

  // 2.1 "Ship it": Ana's own comment four days ago keeps her going; Ben's only recent traces are a mentor's comment
  // and one of his own he deleted (stalled); Cy waits for a review, which is not stalling.
  await progress(ana.id, "ship-it", "in_progress", "2027-02-20");
  await comment(ana.id, "ship-it", world.learnerX1.id, "2027-03-06");
  await comment(ana.id, "plain-thing", world.learnerX1.id, "2027-03-09");
  await progress(ben.id, "ship-it", "in_progress", "2027-02-15");
  await comment(ben.id, "ship-it", world.mentorX.id, "2027-03-09");
  await comment(ben.id, "ship-it", world.learnerX2.id, "2027-03-08", true);
  const cyD = await progress(cy.id, "ship-it", "submitted", "2027-02-19");
  await attempt(cyD.id, 1, "pending", "2027-02-20");

  // P1 "Capstone": Ana, approved after a 12 h wait, 10.5 days after starting.
  const anaP = await progress(ana.id, "capstone", "approved", "2027-02-01", "2027-02-12T06:00:00Z");
  await attempt(anaP.id, 1, "approved", "2027-02-11", { decision: "approve", at: "2027-02-12T06:00:00Z" });

  // Neither a removed learner nor a deactivated one counts.
  const goneA = await progress(gone.id, "reviewed-thing", "approved", "2027-01-10", "2027-02-15");
  await attempt(goneA.id, 1, "changes_requested", "2027-01-11", { decision: "request_changes", at: "2027-01-12" });
  await attempt(goneA.id, 2, "changes_requested", "2027-01-13", { decision: "request_changes", at: "2027-01-14" });
  await attempt(goneA.id, 3, "approved", "2027-01-15", { decision: "approve", at: "2027-02-15" });
  await progress(gone.id, "plain-thing", "in_progress", "2027-01-10");
  await progress(off.id, "untouched-thing", "in_progress", "2027-01-10");

  // Cohort Y: Xena has been stuck on 1.1 since February. An archived cohort's learner finished 1.3 in 2 days and
  // left 1.2 unfinished: history for the version, but nobody "on it now".
  await progress(xena.id, "reviewed-thing", "in_progress", "2027-02-01");
  const archived = await createCohort({ versionId, name: "Last year", startDate: new Date("2026-01-05"), timezone: "Europe/Berlin" });
  const old = await createUser({ name: "Old Learner" });
  archivedLearner = { membershipId: (await addMember(archived.id, old.id, "learner")).id };
  await progress(archivedLearner.membershipId, "untouched-thing", "done", "2027-01-10", "2027-01-12");
  await progress(archivedLearner.membershipId, "plain-thing", "in_progress", "2027-01-12");
  await db.cohort.update({ where: { id: archived.id }, data: { archivedAt: new Date("2027-02-01T00:00:00Z") } });
});

const byKey = (rows: FrictionRow[]) => new Map(rows.map((row) => [row.key, row]));
const keys = (rows: FrictionRow[]) => rows.map((row) => row.key);

describe("a cohort's friction, figure by figure", () => {
  it("counts started, completed, time to done, retries, review waits, who is on it and who is stalled there", async () => {
    const report = await loadCohortFriction(viewerOf(world.mentorX), world.x.id, "order", NOW);
    expect(report.scope).toEqual({
      kind: "cohort",
      cohortId: world.x.id,
      cohortName: "Cohort X",
      roadmapTitle: "Friction check",
      versionNumber: 1,
    });
    expect(report.learners).toBe(3);
    expect(report.asOf).toBe("2027-03-10T12:00:00.000Z");
    const rows = byKey(report.rows);
    expect(rows.get("reviewed-thing")).toMatchObject({
      code: "1.1",
      title: "Reviewed | thing",
      phase: "Foundations",
      kind: "milestone",
      started: 3,
      completed: 2,
      medianDays: 4.8,
      quartileDays: [4.6, 4.9],
      attempted: 3,
      retried: 1,
      retryShare: 1 / 3,
      medianWaitHours: 24,
      current: 1,
      stalled: 1,
    });
    expect(rows.get("plain-thing")).toMatchObject({
      code: "1.2",
      started: 3,
      completed: 1,
      medianDays: 10,
      quartileDays: [10, 10],
      attempted: 0,
      retried: 0,
      retryShare: null,
      medianWaitHours: null,
      current: 2,
      stalled: 1,
    });
    expect(rows.get("untouched-thing")).toMatchObject({
      code: "1.3",
      started: 0,
      completed: 0,
      medianDays: null,
      quartileDays: null,
      retryShare: null,
      current: 0,
      stalled: 0,
      score: 0,
      worst: false,
    });
    expect(rows.get("ship-it")).toMatchObject({
      code: "2.1",
      phase: "Shipping",
      started: 3,
      completed: 0,
      medianDays: null,
      attempted: 1,
      retried: 0,
      retryShare: 0,
      medianWaitHours: null,
      current: 3,
      stalled: 1,
    });
    expect(rows.get("capstone")).toMatchObject({
      code: "P1",
      title: "Capstone",
      phase: "Portfolio projects",
      kind: "project",
      started: 1,
      completed: 1,
      medianDays: 10.5,
      quartileDays: [10.5, 10.5],
      attempted: 1,
      retryShare: 0,
      medianWaitHours: 12,
      current: 0,
      stalled: 0,
    });
  });

  it("scores each item and marks the three worst with a non-zero score", async () => {
    const report = await loadCohortFriction(viewerOf(world.mentorX), world.x.id, "friction", NOW);
    // The typical median is 10 days (4.8, 10, 10.5): 1.1 = 1/3 stalled + 1/3 retried; 1.2 and 2.1 = 1/3 stalled;
    // P1 = 10.5 days, 5% slower than typical.
    expect(report.rows.map((row) => [row.code, row.score, row.worst])).toEqual([
      ["1.1", 0.67, true],
      ["1.2", 0.33, true],
      ["2.1", 0.33, true],
      ["P1", 0.05, false],
      ["1.3", 0, false],
    ]);
  });

  it.each<[FrictionSort, string[]]>([
    ["order", ["reviewed-thing", "plain-thing", "untouched-thing", "ship-it", "capstone"]],
    ["time", ["capstone", "plain-thing", "reviewed-thing", "untouched-thing", "ship-it"]],
    ["retries", ["reviewed-thing", "ship-it", "capstone", "plain-thing", "untouched-thing"]],
    ["wait", ["reviewed-thing", "capstone", "plain-thing", "untouched-thing", "ship-it"]],
    ["current", ["ship-it", "plain-thing", "reviewed-thing", "untouched-thing", "capstone"]],
    ["stalled", ["reviewed-thing", "plain-thing", "ship-it", "untouched-thing", "capstone"]],
  ])("sorts by %s, worst first, unknown figures last, ties in roadmap order", async (sort, expected) => {
    const report = await loadCohortFriction(viewerOf(world.mentorX), world.x.id, sort, NOW);
    expect(report.sort).toBe(sort);
    expect(keys(report.rows)).toEqual(expected);
  });

  it("links admins to the roadmap editor open at each item, and mentors nowhere", async () => {
    const [mentors, admins] = await Promise.all([
      loadCohortFriction(viewerOf(world.mentorX), world.x.id, "order", NOW),
      loadCohortFriction(viewerOf(world.admin), world.x.id, "order", NOW),
    ]);
    expect(mentors.rows.map((row) => row.editHref)).toEqual([null, null, null, null, null]);
    const [milestone, project] = await Promise.all([
      db.milestone.findFirstOrThrow({ where: { versionId, key: "ship-it" }, select: { id: true } }),
      db.portfolioProject.findFirstOrThrow({ where: { versionId, key: "capstone" }, select: { id: true } }),
    ]);
    const links = byKey(admins.rows);
    expect(links.get("ship-it")!.editHref).toBe(`/admin/roadmaps/${roadmapId}/versions/1?item=milestone:${milestone.id}`);
    expect(links.get("capstone")!.editHref).toBe(`/admin/roadmaps/${roadmapId}/versions/1?item=project:${project.id}`);
  });
});

describe("who sees friction", () => {
  it("is the same 404 for a learner, another cohort's mentor and a malformed or unknown cohort id", async () => {
    const cases: [Viewer, string][] = [
      [viewerOf(world.learnerX1), world.x.id],
      [viewerOf(world.mentorY), world.x.id],
      [viewerOf(world.mentorX), "not-a-uuid"],
      [viewerOf(world.admin), "0190f0f0-0000-7000-8000-000000000000"],
    ];
    for (const [viewer, cohortId] of cases) {
      await expect(loadCohortFriction(viewer, cohortId, "friction", NOW)).rejects.toThrow(NOT_FOUND);
      expect(await loadCohortFrictionCsv(viewer, cohortId, NOW)).toBeNull();
    }
    expect(await loadCohortFrictionCsv(null, world.x.id, NOW)).toBeNull();
  });

  it("keeps the version scope to admins: mentors, learners and unknown roadmaps or versions get 404", async () => {
    const cases: [Viewer, string, number][] = [
      [viewerOf(world.mentorX), roadmapId, 1],
      [viewerOf(world.learnerX1), roadmapId, 1],
      [viewerOf(world.admin), roadmapId, 2],
      [viewerOf(world.admin), roadmapId, 1.5],
      [viewerOf(world.admin), "friction-check", 1],
      [viewerOf(world.admin), "0190f0f0-0000-7000-8000-000000000000", 1],
    ];
    for (const [viewer, roadmap, number] of cases) {
      await expect(loadVersionFriction(viewer, roadmap, number, "friction", NOW)).rejects.toThrow(NOT_FOUND);
      expect(await loadVersionFrictionCsv(viewer, roadmap, number, NOW)).toBeNull();
    }
    expect(await loadVersionFrictionCsv(null, roadmapId, 1, NOW)).toBeNull();
  });
});

describe("a version's friction across its cohorts", () => {
  it("counts every cohort on the version, archived ones too, but nobody in an archived cohort is on anything now", async () => {
    const report = await loadVersionFriction(viewerOf(world.admin), roadmapId, 1, "order", NOW);
    expect(report.scope).toEqual({ kind: "version", roadmapId, roadmapTitle: "Friction check", versionNumber: 1, cohorts: 3 });
    // Ana, Ben and Cy in X; Xena and Dual (who learns in Y) in Y; the archived cohort's learner.
    expect(report.learners).toBe(6);
    const rows = byKey(report.rows);
    expect(rows.get("reviewed-thing")).toMatchObject({ started: 4, completed: 2, current: 2, stalled: 2 });
    expect(rows.get("plain-thing")).toMatchObject({ started: 4, completed: 1, current: 2, stalled: 1 });
    expect(rows.get("untouched-thing")).toMatchObject({ started: 1, completed: 1, medianDays: 2, current: 0, stalled: 0 });
    expect(report.rows.every((row) => row.editHref?.startsWith(`/admin/roadmaps/${roadmapId}/versions/1?item=`))).toBe(true);
  });
});

describe("the friction CSV", () => {
  it("has the documented header and one row per item in roadmap order, with no one's words in it", async () => {
    const file = (await loadCohortFrictionCsv(viewerOf(world.mentorX), world.x.id, NOW))!;
    expect(file.filename).toBe("cohort-x-friction-2027-03-10.csv");
    const lines = file.body.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe(FRICTION_CSV_HEADER.join(","));
    expect(lines[1]).toBe("1.1,Reviewed | thing,Foundations,3,2,4.8,4.6,4.9,3,1,33,24,1,1");
    expect(lines[3]).toBe("1.3,Untouched thing,Foundations,0,0,,,,0,0,,,0,0");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["1.1", "1.2", "1.3", "2.1", "P1"]);
    expect(file.body).not.toContain("Private words");
  });

  it("names the version's file after the roadmap", async () => {
    const file = (await loadVersionFrictionCsv(viewerOf(world.admin), roadmapId, 1, NOW))!;
    expect(file.filename).toBe("friction-check-v1-friction-2027-03-10.csv");
  });
});

describe("statement counts", () => {
  it("are the same for a cohort of 20 and of 500 learners, and at most 3", async () => {
    const { versionId: bigVersion } = await importDefaultRoadmap();
    const items = await listMilestonesInOrder(bigVersion);
    const mentor = await createUser({ name: "Big Cohort Mentor" });
    const counts: number[] = [];
    for (const size of [20, 500]) {
      const cohort = await createCohort({ versionId: bigVersion, name: `Size ${size}`, startDate: START, timezone: ZONE });
      await addMember(cohort.id, mentor.id, "mentor");
      await createBulkLearners({ cohortId: cohort.id, items, count: size, reviewerId: mentor.id, startDate: START, now: NOW });
      const { result, count, statements } = await countQueries(() => loadCohortFriction(viewerOf(mentor), cohort.id, "friction", NOW));
      expect(result.learners).toBe(size);
      expect(result.rows[0]!.started).toBeGreaterThan(0);
      expect(count, statements.join("\n\n")).toBeLessThanOrEqual(3);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("are the same for a version with 1 and with 3 cohorts, and at most 3", async () => {
    const admin = viewerOf(world.admin);
    const counts: number[] = [];
    for (const cohorts of [1, 3]) {
      const document = { ...(await getRoadmapDocument(versionId)), slug: `friction-count-${cohorts}` };
      const imported = await importRoadmapDocument(document);
      for (let index = 0; index < cohorts; index += 1) {
        const cohort = await createCohort({ versionId: imported.versionId, name: `Count ${index}`, startDate: START, timezone: ZONE });
        const learner = await createUser();
        const membership = await addMember(cohort.id, learner.id, "learner");
        await progress(membership.id, "plain-thing", "in_progress", "2027-02-01");
      }
      const { result, count, statements } = await countQueries(() => loadVersionFriction(admin, imported.roadmapId, 1, "friction", NOW));
      expect(result.learners).toBe(cohorts);
      expect(count, statements.join("\n\n")).toBeLessThanOrEqual(3);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});

describe("the roadmap export's Friction note", () => {
  it("adds a Friction note that re-imports as a note, with nothing else changed", async () => {
    const file = (await loadRoadmapExportWithFriction(viewerOf(world.admin), roadmapId, 1, NOW))!;
    expect(file.fileName).toBe("friction-check-v1-friction.md");
    expect(file.contentType).toBe("text/markdown; charset=utf-8");
    const parsed = parseRoadmapMarkdown(file.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const original = await getRoadmapDocument(versionId);
    const { notes, ...rest } = parsed.document;
    const { notes: originalNotes, ...originalRest } = original;
    expect(rest).toEqual(originalRest);
    expect(notes.slice(0, -1)).toEqual(originalNotes);
    const friction = notes.at(-1)!;
    expect(friction.title).toBe("Friction");
    expect(friction.body).toContain("Figures from 6 learners in 3 cohorts on version 1, as of 10 Mar 2027.");
    expect(friction.body).toContain("| Code | Milestone | Median days to done | Needed more than one attempt | Median review wait | On it now | Stalled there |");
    // Worst offenders in bold; the title's "|" does not split its cell.
    expect(friction.body).toContain("| **1.1** | **Reviewed \\| thing** | 4.8 | 1 of 3 (33%) | 24 h | 2 | 2 |");
    expect(friction.body).toContain("| 1.3 | Untouched thing | 2 | — | — | 0 | 0 |");
    expect(friction.body).not.toContain("Private words");
  });

  it("replaces the Friction note of an earlier export instead of adding a second one", async () => {
    const first = (await loadRoadmapExportWithFriction(viewerOf(world.admin), roadmapId, 1, NOW))!;
    const parsed = parseRoadmapMarkdown(first.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const reimported = await importRoadmapDocument({ ...parsed.document, slug: "friction-again" });
    const again = (await loadRoadmapExportWithFriction(viewerOf(world.admin), reimported.roadmapId, 1, NOW))!;
    const reparsed = parseRoadmapMarkdown(again.body);
    expect(reparsed.ok && reparsed.document.notes.map((note) => note.title)).toEqual(["How to use this roadmap", "Friction"]);
  });

  it("is for admins and Markdown only: the export route answers 404 otherwise", async () => {
    const call = (user: { id: string }, query: string) =>
      asUser(user, () =>
        exportRoadmap(new Request(`http://localhost/admin/roadmaps/${roadmapId}/export${query}`), {
          params: Promise.resolve({ roadmapId }),
        }),
      );
    const ok = await call(world.admin, "?version=1&friction=1");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toBe('attachment; filename="friction-check-v1-friction.md"');
    expect(await ok.text()).toContain("## Friction");
    const plain = await call(world.admin, "?version=1&friction=0");
    expect(await plain.text()).not.toContain("## Friction");
    expect((await call(world.admin, "?version=1&format=json&friction=1")).status).toBe(404);
    expect((await call(world.mentorX, "?version=1&friction=1")).status).toBe(404);
    expect(await loadRoadmapExportWithFriction(viewerOf(world.mentorX), roadmapId, 1, NOW)).toBeNull();
  });
});
